package org.baton.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.BeanUtils;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page handles a submitted form. The use case runs; when it refuses the input ({@link
 * InvalidInputException}, every problem at once), nothing was written and the person sees each
 * message beside its field with everything they typed still there. Two shapes, by where the form
 * lives:
 *
 * <ul>
 *   <li>{@link #showAgain}: a form that is its own page (new initiative, a rule, a person) is shown
 *       again in the same response, with status 422, the problems under {@code errors} (field to
 *       message, what {@code fragments/forms.html} reads) and what was typed under {@code form};
 *   <li>{@link #back}: a form inside a page the browser returns to (a comment under a contribution,
 *       advice on a request) redirects back, the problems flashed under {@code errors} (or the
 *       form's own name when a page holds several) and each typed value under the name its form
 *       reads, so a reload never submits twice.
 * </ul>
 *
 * Controllers never catch {@code InvalidInputException} themselves; a problem that reaches no form
 * is answered by the platform's error page.
 */
public final class Forms {

  /** The attribute the form fragments read: field to message, "form" for the whole form. */
  public static final String ERRORS = "errors";

  private Forms() {}

  /** What a form submits: its use case, returning the view to go to when it is done. */
  @FunctionalInterface
  public interface Submission {
    String submit();
  }

  /**
   * A form that is its own page: the submission's view, or {@code page} shown again with 422, the
   * problems under {@code errors} (a field the service names differently from the page renamed from
   * {@code renames}: service name, page name, ...) and {@code typed} under {@code form} unless it
   * is null (the page then keeps what was typed its own way).
   */
  public static String showAgain(
      Model model,
      HttpServletResponse response,
      Object typed,
      Submission submission,
      Supplier<String> page,
      String... renames) {
    try {
      return submission.submit();
    } catch (InvalidInputException e) {
      model.addAttribute(ERRORS, onThePage(e, renames));
      if (typed != null) {
        model.addAttribute("form", typed);
      }
      response.setStatus(422);
      return page.get();
    }
  }

  /** The problems by field, a field the service names differently named as the page does. */
  private static Map<String, String> onThePage(InvalidInputException e, String... renames) {
    Map<String, String> errors = new LinkedHashMap<>();
    e.byField()
        .forEach(
            (field, message) -> {
              String named = field;
              for (int i = 0; i + 1 < renames.length; i += 2) {
                named = renames[i].equals(field) ? renames[i + 1] : named;
              }
              errors.putIfAbsent(named, message);
            });
    return errors;
  }

  /**
   * A form bound to an object ({@code @ModelAttribute("form")}): as {@link #showAgain}, the
   * problems put on the binding, each beside its property (or on the whole form when it has none).
   */
  public static String showAgain(
      BindingResult form,
      HttpServletResponse response,
      Submission submission,
      Supplier<String> page) {
    try {
      return submission.submit();
    } catch (InvalidInputException e) {
      for (FieldProblem problem : e.problems()) {
        Object target = form.getTarget();
        if (target != null
            && BeanUtils.getPropertyDescriptor(target.getClass(), problem.field()) != null) {
          form.rejectValue(problem.field(), "invalid", problem.message());
        } else {
          form.reject("invalid", problem.message());
        }
      }
      response.setStatus(422);
      return page.get();
    }
  }

  /**
   * A form inside a page the browser returns to: the submission's view (it flashes its own
   * message), or {@code back} with the problems flashed under {@code errors} and each entry of
   * {@code typed} flashed under its name.
   */
  public static String back(
      RedirectAttributes redirect, String back, Map<String, ?> typed, Submission submission) {
    return back(redirect, back, ERRORS, typed, submission);
  }

  /**
   * As {@link #back}, for a form with nothing typed to keep (a button, a choice): the action runs,
   * and {@code told} is flashed as the page's message when it is not null.
   */
  public static String back(
      RedirectAttributes redirect, String back, String told, Runnable action) {
    return back(
        redirect,
        back,
        Map.of(),
        () -> {
          action.run();
          if (told != null) {
            redirect.addFlashAttribute("message", told);
          }
          return back;
        });
  }

  /**
   * As {@link #back}, the problems flashed under {@code errorsName} (a page with several forms),
   * renamed from {@code renames} as in {@link #showAgain}.
   */
  public static String back(
      RedirectAttributes redirect,
      String back,
      String errorsName,
      Map<String, ?> typed,
      Submission submission,
      String... renames) {
    try {
      return submission.submit();
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute(errorsName, onThePage(e, renames));
      typed.forEach(redirect::addFlashAttribute);
      return back;
    }
  }
}
