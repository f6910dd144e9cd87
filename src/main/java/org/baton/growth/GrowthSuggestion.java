package org.baton.growth;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.baton.platform.Money;

/**
 * A suggestion to the owner of the rule that limits a person: raise their limit for a decision type
 * to the next step, because of their record.
 *
 * @param record the record as it stood when the suggestion was made, in words
 * @param answer the owner's reason for declining, or the note with an approval
 * @param raisedLimit the limit an approval gave (the owner may choose less than proposed)
 * @param deferralNote the note the owner gave when she deferred it, kept beside a later answer
 */
public record GrowthSuggestion(
    long id,
    PersonName person,
    String decisionType,
    String decisionTypeName,
    long ruleId,
    int ruleVersion,
    PersonName owner,
    Money currentLimit,
    Money proposedLimit,
    String record,
    Status status,
    Instant createdAt,
    @Schema(nullable = true) LocalDate deferredUntil,
    @Schema(nullable = true) Instant answeredAt,
    String answer,
    @Schema(nullable = true) Long raisedRuleId,
    @Schema(nullable = true) Money raisedLimit,
    String deferralNote) {

  public enum Status {
    OPEN("waits for an answer"),
    DEFERRED("deferred"),
    APPROVED("raised"),
    DECLINED("declined");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** The status as the pages say it. */
    public String label() {
      return label;
    }
  }

  /** A person a suggestion names. */
  public record PersonName(long id, String name) {}

  /** Whether it still waits for the owner's answer (a deferred one too, until its date). */
  public boolean waiting() {
    return status == Status.OPEN || status == Status.DEFERRED;
  }

  /** Whether it is deferred to a day still ahead. */
  public boolean deferredOn(LocalDate today) {
    return status == Status.DEFERRED && deferredUntil != null && deferredUntil.isAfter(today);
  }
}
