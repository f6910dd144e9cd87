package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A change to a rule that widens it, proposed by the rule's owner and waiting for an admin (or
 * answered by one). Until it is approved the rule stays as it is.
 *
 * @param baseVersion the rule's version the change was drafted against; an approval applies only
 *     while the rule is still at that version
 * @param widenings the fields in which the change widens the rule, e.g. limit, owner
 */
public record RuleChange(
    long id,
    long ruleId,
    int baseVersion,
    RuleDraft draft,
    boolean retire,
    List<String> widenings,
    long proposedByPersonId,
    String proposedBy,
    Instant proposedAt,
    Status status,
    @Schema(nullable = true) String answeredBy,
    @Schema(nullable = true) Instant answeredAt,
    @Schema(nullable = true) String answer) {

  public enum Status {
    PROPOSED,
    APPROVED,
    DECLINED
  }

  public RuleChange {
    widenings = List.copyOf(widenings);
  }
}
