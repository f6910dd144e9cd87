package org.baton;

import java.math.BigDecimal;
import java.util.List;
import org.baton.authority.Holder;
import org.baton.authority.RuleDraft;
import org.baton.directory.Directory;
import org.baton.directory.Team;

/** What tests look up in the demo organisation, and the rule drafts they make over it. */
public final class Demo {

  private Demo() {}

  /** The id of the demo team with this name. */
  public static long teamId(Directory directory, String name) {
    return directory.teams().stream()
        .filter(t -> t.name().equals(name))
        .map(Team::id)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo team " + name));
  }

  /** A rule for a team's members, in EUR, without conditions or advice. */
  public static RuleDraft teamRule(
      String decisionType, long teamId, String limit, Long owner, String reason) {
    return rule(decisionType, Holder.Kind.TEAM, null, teamId, limit, owner, reason);
  }

  /** A rule for a team's leader, in EUR, without conditions or advice. */
  public static RuleDraft leaderRule(
      String decisionType, long teamId, String limit, Long owner, String reason) {
    return rule(decisionType, Holder.Kind.TEAM_LEADER, null, teamId, limit, owner, reason);
  }

  /** A rule that lets one person decide {@code decisionType} up to {@code limit} EUR. */
  public static RuleDraft personRule(
      String decisionType, long personId, String limit, String reason) {
    return rule(decisionType, Holder.Kind.PERSON, personId, null, limit, null, reason);
  }

  private static RuleDraft rule(
      String decisionType,
      Holder.Kind kind,
      Long personId,
      Long teamId,
      String limit,
      Long owner,
      String reason) {
    return new RuleDraft(
        decisionType,
        kind,
        personId,
        teamId,
        null,
        new BigDecimal(limit),
        "EUR",
        null,
        List.of(),
        List.of(),
        null,
        null,
        owner,
        reason);
  }

  /**
   * A decision of the demo's confidential type (a write-off), recorded by Ruth, who holds it: seen
   * only by those involved and admins.
   */
  public static long confidentialDecision(
      org.baton.decisions.DecisionRecord decisions,
      org.baton.identity.BatonUser ruth,
      String title) {
    return decisions
        .record(
            ruth,
            new org.baton.decisions.DecisionDraft(
                "finance.write-off",
                title,
                "Uncollectable",
                org.baton.platform.Money.of("3000", "EUR"),
                java.util.Map.of(),
                java.util.List.of(),
                null,
                null,
                null))
        .id();
  }
}
