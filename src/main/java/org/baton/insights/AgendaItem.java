package org.baton.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;

/**
 * One thing that waits for a person, one tap from acting on it.
 *
 * @param kind what it is (ADVICE_ASKED, DECISION_REQUESTED, REVIEW_ACTION, FOLLOW_UP,
 *     QUIET_INITIATIVE, DIALOGUE_OPEN, ROLE_APPLICATION, OPEN_ROLE, GROWTH_SUGGESTION)
 * @param link where to act on it
 * @param dueAt when it is due, if it has a date
 * @param waitingSince since when someone waits for it, if someone does
 */
@Schema(name = "AgendaItem")
public record AgendaItem(
    Kind kind,
    String title,
    String link,
    @Schema(nullable = true) Instant dueAt,
    @Schema(nullable = true) Instant waitingSince) {

  public enum Kind {
    ADVICE_ASKED("Advice asked of you"),
    DECISION_REQUESTED("Asked to decide"),
    REVIEW_ACTION("Your action"),
    REPORT_OUT_OWED("Report-out you owe"),
    FOLLOW_UP("Follow up"),
    QUIET_INITIATIVE("Gone quiet"),
    DIALOGUE_OPEN("Dialogue open"),
    ROLE_APPLICATION("Application"),
    OPEN_ROLE("Open role for you"),
    GROWTH_SUGGESTION("Growth suggestion"),
    RULE_CHANGE("Rule change to approve"),
    POLL("Your say asked");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A waiting person is treated as something due three days after they started waiting, so that a
   * request asked a week ago comes before advice due tomorrow, and one asked an hour ago after it.
   */
  static final Duration WAITING_IS_DUE_AFTER = Duration.ofDays(3);

  /** How urgent it is: the earlier, the more; undated things (an open role) come last. */
  Instant urgency() {
    if (dueAt != null) {
      return dueAt;
    }
    if (waitingSince != null) {
      return waitingSince.plus(WAITING_IS_DUE_AFTER);
    }
    return Instant.MAX;
  }

  /** Whether it is past its date. */
  public boolean overdue(Instant now) {
    return dueAt != null && dueAt.isBefore(now);
  }
}
