package org.baton.decisions;

import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(nullable = true) BigDecimal amount,
    @Schema(nullable = true) String currency,
    Map<String, String> context,
    String status,
    @Schema(nullable = true) String answer,
    Instant createdAt,
    @Schema(nullable = true) Instant answeredAt,
    @Schema(nullable = true) Long decisionId) {

  public boolean open() {
    return "OPEN".equals(status);
  }

  /** How long the holder took to answer; the product shows where decisions wait. */
  public Duration timeToAnswer() {
    return answeredAt == null ? null : Duration.between(createdAt, answeredAt);
  }
}
