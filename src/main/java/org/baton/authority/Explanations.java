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
      List<CheckResult.PersonRef> holders) {
    String what = type.name() + (amount == null ? "" : " of " + amount);
    return switch (evaluation.verdict()) {
      case WITHIN_AUTHORITY ->
          "Yes, " + what + " is yours to decide: " + basis(rule, delegation) + ".";
      case NEEDS_ADVICE ->
          "Yours to decide after advice from "
              + String.join(" and ", evaluation.requiredPerspectives())
              + ": "
              + basis(rule, delegation)
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

  private static String basis(CheckResult.RuleRef rule, CheckResult.DelegationRef delegation) {
    String ruleText =
        rule.holder()
            + " may decide "
            + rule.decisionType()
            + (rule.limit() == null ? "" : " up to " + rule.limit())
            + (rule.conditions().isEmpty()
                ? ""
                : " when " + String.join(" and ", rule.conditions()))
            + " (rule "
            + rule.id()
            + ", version "
            + rule.version()
            + ")";
    if (delegation == null) {
      return ruleText;
    }
    return delegation.from().name()
        + " delegated it to you up to "
        + delegation.limit()
        + " until "
        + delegation.validUntil()
        + "; "
        + ruleText;
  }

  private static String plain(java.math.BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  static String describe(Holder holder, Organisation org) {
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
    };
  }
}
