package org.baton.advice;

import org.baton.identity.BatonUser;

/**
 * Who may see and do what with an advice request, each answer from the request itself (no I/O), so
 * that the service, the pages, the streams and other modules ask the same question:
 *
 * <ul>
 *   <li><b>See</b> it: everyone, unless it is restricted; then only its asker, its panel and
 *       admins. Its outcome (the decision it led to) is shown only to those who may see that
 *       decision ({@code AdviceService}).
 *   <li><b>Advise</b>: anyone who may see it, while it is open, except its asker; panel members are
 *       asked, everyone else volunteers.
 *   <li><b>Close it</b> (by deciding or with a note) and <b>change its panel</b>: its asker alone,
 *       while it is open.
 *   <li>Ask on an initiative's behalf: its leader and supporters ({@code
 *       InitiativesPermissions.mayAskForAdvice}).
 * </ul>
 */
public final class AdvicePermissions {

  /** What the person reading a request may do with it, for its page and the API. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "AdviceRequestAnswers")
  public record Answers(boolean advise, boolean close, boolean changePanel) {}

  private AdvicePermissions() {}

  public static Answers answers(BatonUser actor, AdviceRequest request) {
    return new Answers(
        mayAdvise(actor, request), mayClose(actor, request), mayChangePanel(actor, request));
  }

  public static boolean maySee(BatonUser actor, AdviceRequest request) {
    return !request.restricted()
        || actor.isAdmin()
        || actor.isPerson(request.askerId())
        || (actor.personId() != null && request.onPanel(actor.personId()));
  }

  public static boolean mayAdvise(BatonUser actor, AdviceRequest request) {
    return actor.personId() != null
        && request.open()
        && !actor.isPerson(request.askerId())
        && maySee(actor, request);
  }

  public static boolean mayClose(BatonUser actor, AdviceRequest request) {
    return request.open() && isAsker(actor, request);
  }

  /** The asker, whom closing and the panel belong to (a closed request is then refused as such). */
  public static boolean isAsker(BatonUser actor, AdviceRequest request) {
    return actor.isPerson(request.askerId());
  }

  public static boolean mayChangePanel(BatonUser actor, AdviceRequest request) {
    return mayClose(actor, request);
  }
}
