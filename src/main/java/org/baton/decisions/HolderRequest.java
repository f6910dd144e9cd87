package org.baton.decisions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A request to someone who holds the authority to decide, with its answer once given. */
public record HolderRequest(
    long id,
    long requesterPersonId,
    String requesterName,
    long holderPersonId,
    String holderName,
    String decisionType,
    String title,
    String reason,
    BigDecimal amount,
    String currency,
    Map<String, String> context,
    String status,
    String answer,
    Instant createdAt,
    Instant answeredAt,
    Long decisionId) {

  public boolean open() {
    return "OPEN".equals(status);
  }

  /** How long the holder took to answer; the product shows where decisions wait. */
  public Duration timeToAnswer() {
    return answeredAt == null ? null : Duration.between(createdAt, answeredAt);
  }
}
