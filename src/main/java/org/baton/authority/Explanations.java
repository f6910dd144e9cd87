package org.baton.authority;

import java.util.List;
import org.baton.directory.Organisation;
import org.baton.directory.Team;
import org.baton.platform.Money;

/** Puts a verdict into the plain words a clerk with a customer waiting can act on. */
final class Explanations {

  private Explanations() {}

  static String explain(
      Evaluation evaluation,
      DecisionType type,
      Money amount,
      CheckResult.RuleRef rule,
      CheckResult.DelegationRef delegation,
      List<CheckResult.PersonRef> holders,
      java.util.function.Function<String, String> typeNames) {
    String what = type.name() + (amount == null ? "" : " of " + amount);
    return switch (evaluation.verdict()) {
      case WITHIN_AUTHORITY ->
          "Yes, "
              + what
              + " is yours to decide"
              + as(rule, delegation)
              + ": "
              + basis(rule, delegation, typeNames)
              + ".";
      case NEEDS_ADVICE ->
          "Yours to decide"
              + as(rule, delegation)
              + " after advice from "
              + String.join(
                  " and ",
                  evaluation.requiredPerspectives().stream().map(p -> p.replace('-', ' ')).toList())
              + ": "
              + basis(rule, delegation, typeNames)
              + (rule.adviceThreshold() == null
                  ? ", after that advice."
                  : ", above "
                      + plain(rule.adviceThreshold())
                      + " "
                      + rule.limit().currency()
                      + " only after that advice.");
      case OUTSIDE_AUTHORITY ->
          "Not within your authority: "
              + (evaluation.nearestLimit() == null
                  ? "you hold no authority for " + type.name() + "."
                  : "your limit for " + type.name() + " is " + evaluation.nearestLimit() + ".")
              + (holders.isEmpty()
                  ? " Nobody holds this authority; ask an admin to set a rule."
                  : " " + holders.get(0).name() + " holds it and is nearest to you.");
    };
  }

  /**
   * "as Supplier sustainability lead" when the authority comes with the asker's role (a delegation
   * passes on the delegator's role, not the asker's).
   */
  private static String as(CheckResult.RuleRef rule, CheckResult.DelegationRef delegation) {
    return rule.role() == null || delegation != null ? "" : " as " + rule.role();
  }

  /**
   * The rule (and delegation) in words: who may decide which kind up to what. Its id and version
   * are in the answer's rule reference, for whoever asks for details, not in the sentence.
   */
  private static String basis(
      CheckResult.RuleRef rule,
      CheckResult.DelegationRef delegation,
      java.util.function.Function<String, String> typeNames) {
    String ruleText =
        rule.holder()
            + " may decide “"
            + typeNames.apply(rule.decisionType())
            + "”"
            + (rule.limit() == null ? "" : " up to " + rule.limit())
            + (rule.conditions().isEmpty()
                ? ""
                : " when " + String.join(" and ", rule.conditions()));
    if (delegation == null) {
      return ruleText;
    }
    return delegation.from().name()
        + " delegated it to you up to "
        + delegation.limit()
        + " until "
        + LAST_DAY.format(delegation.validUntil().minusSeconds(1))
        + "; "
        + ruleText;
  }

  /** A delegation's last day (it ends at the start of the next), as the pages write days. */
  private static final java.time.format.DateTimeFormatter LAST_DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
          .withZone(java.time.ZoneOffset.UTC);

  private static String plain(java.math.BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  static String roleName(Holder holder, java.util.Map<Long, String> roleNames) {
    return roleNames.getOrDefault(holder.roleId(), "role " + holder.roleId());
  }

  static String describe(Holder holder, Organisation org, java.util.Map<Long, String> roleNames) {
    String team =
        holder.teamId() == null
            ? null
            : org.tree().team(holder.teamId()).map(Team::name).orElse("team " + holder.teamId());
    return switch (holder.kind()) {
      case PERSON ->
          org.member(holder.personId())
              .map(Organisation.Member::name)
              .orElse("person " + holder.personId());
      case TEAM -> "the members of " + team;
      case TEAM_AND_SUBTEAMS -> "the members of " + team + " and its sub-teams";
      case TEAM_LEADER -> "the leader of " + team;
      case EVERYONE -> "everyone";
      case ROLE -> "the holders of " + roleName(holder, roleNames);
    };
  }
}
