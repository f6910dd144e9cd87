package org.baton.advice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A question put to a panel, until the asker closes it by deciding. */
public record AdviceRequest(
    long id,
    @Schema(nullable = true) Long initiativeId,
    long askerId,
    String question,
    String context,
    Instant deadline,
    List<String> perspectives,
    boolean restricted,
    @Schema(nullable = true) String decisionType,
    @Schema(nullable = true) BigDecimal amount,
    @Schema(nullable = true) String currency,
    String status,
    @Schema(nullable = true) String closingNote,
    @Schema(nullable = true) Long decisionId,
    Instant createdAt,
    @Schema(nullable = true) Instant firstAdviceAt,
    @Schema(nullable = true) Instant closedAt,
    List<PanelMember> panel,
    @Schema(nullable = true) Long priorityId) {

  /** Someone asked for advice, for a perspective or to speak for an affected team. */
  public record PanelMember(
      long personId, @Schema(nullable = true) String perspective, String reason) {}

  public AdviceRequest {
    perspectives = List.copyOf(perspectives);
    panel = List.copyOf(panel);
  }

  AdviceRequest withPanel(List<PanelMember> members) {
    return copy(closingNote, decisionId, members);
  }

  /**
   * The request as someone who may not see the decision that closed it reads it: closed, without
   * the decision's title or id.
   */
  AdviceRequest withoutOutcome() {
    return decisionId == null ? this : copy("Decided (a decision you may not see).", null, panel);
  }

  private AdviceRequest copy(String note, Long decision, List<PanelMember> members) {
    return new AdviceRequest(
        id,
        initiativeId,
        askerId,
        question,
        context,
        deadline,
        perspectives,
        restricted,
        decisionType,
        amount,
        currency,
        status,
        note,
        decision,
        createdAt,
        firstAdviceAt,
        closedAt,
        members,
        priorityId);
  }

  public boolean open() {
    return "OPEN".equals(status);
  }

  public boolean onPanel(Long personId) {
    return personId != null && panel.stream().anyMatch(m -> m.personId() == personId);
  }

  public boolean overdue(Instant now) {
    return open() && deadline.isBefore(now);
  }
}
