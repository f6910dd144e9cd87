package org.baton.roles;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A role in a circle: what it is for, what it is accountable for, the decision types it may decide
 * (its domain; authority rules whose holder is this role give the authority itself), the time it
 * takes, how many people hold it, and until when (then it is up for renewal).
 *
 * @param perspectives the knowledge the role draws on, by perspective code
 * @param open whether the circle's lead looks for people to hold it
 */
public record Role(
    long id,
    long circleId,
    String name,
    String purpose,
    String accountabilities,
    List<String> decisionTypes,
    List<String> perspectives,
    BigDecimal hoursPerWeek,
    int seats,
    @Schema(nullable = true) LocalDate until,
    boolean open,
    String whyItMatters,
    String whatYouLearn) {

  public Role {
    decisionTypes = List.copyOf(decisionTypes);
    perspectives = List.copyOf(perspectives);
  }
}
