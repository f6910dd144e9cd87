package org.baton.notifications;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook endpoint may ask to be told of, by the names other systems see. */
public enum WebhookEventType {
  DECISION_RECORDED("decision.recorded"),
  DECISION_REVERSED("decision.reversed"),
  HOLDER_REQUEST_ASKED("holder-request.asked"),
  HOLDER_REQUEST_ANSWERED("holder-request.answered"),
  INITIATIVE_SPOTTED("initiative.spotted"),
  INITIATIVE_HANDED_OVER("initiative.handed-over"),
  INITIATIVE_STATUS_CHANGED("initiative.status-changed"),
  ADVICE_REQUEST_OPENED("advice-request.opened"),
  ADVICE_GIVEN("advice.given"),
  ADVICE_REQUEST_CLOSED("advice-request.closed"),
  LEARNING_REVIEW_PUBLISHED("learning-review.published"),
  REPORT_OUT_POSTED("report-out.posted"),
  DIALOGUE_ROUND_OPENED("dialogue-round.opened"),
  DIALOGUE_CONTRIBUTION_POSTED("dialogue-contribution.posted"),
  DIALOGUE_CONTRIBUTION_ANSWERED("dialogue-contribution.answered"),
  DIALOGUE_ROUND_PUBLISHED("dialogue-round.published"),
  POLL_OPENED("poll.opened"),
  POLL_CLOSED("poll.closed");

  private final String code;

  WebhookEventType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<WebhookEventType> of(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }
}
