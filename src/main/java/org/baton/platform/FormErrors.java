package org.baton.platform;

import org.springframework.validation.BindingResult;

/** Puts a service's field problems onto a form, so each shows next to its field. */
public final class FormErrors {

  private FormErrors() {}

  public static void apply(InvalidInputException e, BindingResult form) {
    for (FieldProblem problem : e.problems()) {
      if (form.getTarget() != null
          && org.springframework.beans.BeanUtils.getPropertyDescriptor(
                  form.getTarget().getClass(), problem.field())
              != null) {
        form.rejectValue(problem.field(), "invalid", problem.message());
      } else {
        form.reject("invalid", problem.message());
      }
    }
  }
}
