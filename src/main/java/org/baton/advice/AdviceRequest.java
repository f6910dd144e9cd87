package org.baton.advice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A question put to a panel, until the asker closes it by deciding. */
public record AdviceRequest(
    long id,
    Long initiativeId,
    long askerId,
    String question,
    String context,
    Instant deadline,
    List<String> perspectives,
    boolean restricted,
    String decisionType,
    BigDecimal amount,
    String currency,
    String status,
    String closingNote,
    Long decisionId,
    Instant createdAt,
    Instant firstAdviceAt,
    Instant closedAt,
    List<PanelMember> panel) {

  /** Someone asked for advice, for a perspective or to speak for an affected team. */
  public record PanelMember(long personId, String perspective, String reason) {}

  public AdviceRequest {
    perspectives = List.copyOf(perspectives);
    panel = List.copyOf(panel);
  }

  AdviceRequest withPanel(List<PanelMember> members) {
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
        closingNote,
        decisionId,
        createdAt,
        firstAdviceAt,
        closedAt,
        members);
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
