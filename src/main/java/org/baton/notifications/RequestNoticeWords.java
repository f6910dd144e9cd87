package org.baton.notifications;

import java.util.ArrayList;
import java.util.List;
import org.baton.decisions.HolderRequest;
import org.baton.decisions.HolderRequestChanged;

/** Who hears of a request to decide, and in what words: the holder of it, the requester after. */
final class RequestNoticeWords {

  private RequestNoticeWords() {}

  /** One notification: to whom, of what kind, its text, link and e-mail details. */
  record Notice(long told, NotificationKind kind, String text, String link, List<String> details) {}

  static final String LINK = "/authority/requests";

  static Notice of(HolderRequestChanged event, HolderRequest request) {
    return switch (event.kind()) {
      case ASKED -> {
        List<String> details = new ArrayList<>();
        details.add("Why: " + request.reason());
        if (request.amount() != null) {
          details.add("Amount: " + request.amount().toPlainString() + " " + request.currency());
        }
        yield new Notice(
            event.holderPersonId(),
            NotificationKind.DECISION_REQUESTED,
            request.requesterName() + " asks you to decide: " + about(request),
            LINK,
            details);
      }
      case APPROVED ->
          new Notice(
              event.requesterPersonId(),
              NotificationKind.REQUEST_ANSWERED,
              request.holderName() + " approved and decided: " + about(request),
              event.decisionId() == null ? LINK : "/decisions/" + event.decisionId(),
              List.of());
      default ->
          new Notice(
              event.requesterPersonId(),
              NotificationKind.REQUEST_ANSWERED,
              request.holderName() + " declined your request: " + about(request),
              LINK,
              List.of("Their answer: " + request.answer()));
    };
  }

  /** A request to decide as its notifications name it: its title and amount. */
  static String about(HolderRequest request) {
    return request.title()
        + (request.amount() == null
            ? ""
            : " ("
                + request.amount().stripTrailingZeros().toPlainString()
                + " "
                + request.currency()
                + ")");
  }
}
