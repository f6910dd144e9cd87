package org.baton.roles;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What people send to make circles and roles, apply, talk and agree; checked by {@link RoleRules}.
 */
public final class RoleDrafts {

  private RoleDrafts() {}

  /** A circle; {@code leadPersonId} null means the team's leader (for a team's circle). */
  public record CircleDraft(
      String name,
      @Schema(nullable = true) String purpose,
      @Schema(nullable = true) Long teamId,
      @Schema(nullable = true) Long leadPersonId) {}

  public record RoleDraft(
      Long circleId,
      String name,
      @Schema(nullable = true) String purpose,
      @Schema(nullable = true) String accountabilities,
      @Schema(nullable = true) List<String> decisionTypes,
      @Schema(nullable = true) List<String> perspectives,
      BigDecimal hoursPerWeek,
      Integer seats,
      @Schema(nullable = true) LocalDate until,
      @Schema(nullable = true) Boolean open,
      @Schema(nullable = true) String whyItMatters,
      @Schema(nullable = true) String whatYouLearn) {

    public RoleDraft {
      decisionTypes = decisionTypes == null ? List.of() : List.copyOf(decisionTypes);
      perspectives = perspectives == null ? List.of() : List.copyOf(perspectives);
    }
  }

  /**
   * An application: passion, knowledge (perspective codes and free text), network (people and teams
   * by id) and time.
   */
  public record ApplicationDraft(
      String passion,
      @Schema(nullable = true) List<String> perspectives,
      @Schema(nullable = true) String knowledge,
      @Schema(nullable = true) List<Long> networkPeople,
      @Schema(nullable = true) List<Long> networkTeams,
      BigDecimal hoursPerWeek,
      @Schema(nullable = true) LocalDate until) {

    public ApplicationDraft {
      perspectives = perspectives == null ? List.of() : List.copyOf(perspectives);
      networkPeople = networkPeople == null ? List.of() : List.copyOf(networkPeople);
      networkTeams = networkTeams == null ? List.of() : List.copyOf(networkTeams);
    }
  }

  public record MessageDraft(String body) {}

  /** The team leader's answer about the time: hours are needed only to adjust. */
  public record TimeDraft(
      RoleApplication.TimeAnswerKind answer,
      @Schema(nullable = true) BigDecimal hoursPerWeek,
      @Schema(nullable = true) String note) {}

  /**
   * A match as one side proposes it. Sent by the other side with the same terms (or none), it
   * agrees the match.
   */
  public record MatchDraft(
      @Schema(nullable = true) BigDecimal hoursPerWeek,
      @Schema(nullable = true) LocalDate until,
      @Schema(nullable = true) String commitment) {

    boolean empty() {
      return hoursPerWeek == null && until == null && (commitment == null || commitment.isBlank());
    }
  }

  public record DeclineDraft(String reason) {}

  public record ProfileDraft(
      boolean openToRoles,
      @Schema(nullable = true) List<String> interests,
      @Schema(nullable = true) BigDecimal hoursAvailable) {

    public ProfileDraft {
      interests = interests == null ? List.of() : List.copyOf(interests);
    }
  }
}
