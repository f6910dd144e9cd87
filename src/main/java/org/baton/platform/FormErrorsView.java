package org.baton.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * Gives a form bound to an object its errors in the one shape the form fragments ({@code
 * fragments/forms.html}) read, as the bean {@code @formErrors}: a map of field to message, the same
 * map a page puts in its model from a service's {@link InvalidInputException#byField()}.
 */
@Component("formErrors")
public class FormErrorsView {

  /** A bound form's errors as field -> first message; "form" for errors of the whole form. */
  public Map<String, String> of(List<DetailedError> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (DetailedError error : errors) {
      byField.putIfAbsent(error.isGlobal() ? "form" : error.getFieldName(), error.getMessage());
    }
    return byField;
  }
}
