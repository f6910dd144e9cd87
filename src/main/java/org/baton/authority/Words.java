package org.baton.authority;

import org.baton.directory.Directory;
import org.baton.directory.Perspective;
import org.springframework.stereotype.Component;

/**
 * Words instead of codes on the pages: a kind of decision by its name ("Goodwill credit", not
 * {@code customer.goodwill}), a verdict as a person says it, a perspective by its name. Templates
 * ask it as {@code @words}; the API keeps the codes.
 */
@Component("words")
public class Words {

  private final CurrentPolicy currentPolicy;
  private final Directory directory;

  Words(CurrentPolicy currentPolicy, Directory directory) {
    this.currentPolicy = currentPolicy;
    this.directory = directory;
  }

  /** The name of a kind of decision; the code itself only for a kind the catalogue lacks. */
  public String type(String code) {
    if (code == null) {
      return "";
    }
    DecisionType type = currentPolicy.get().types().get(code);
    return type == null ? code : type.name();
  }

  /** A verdict (the enum or its name) in a person's words. */
  public String verdict(Object verdict) {
    String name = verdict == null ? "" : verdict.toString();
    return switch (name) {
      case "WITHIN_AUTHORITY" -> "yours to decide";
      case "NEEDS_ADVICE" -> "yours after advice";
      case "OUTSIDE_AUTHORITY" -> "not yours";
      default -> name.toLowerCase().replace('_', ' ');
    };
  }

  /**
   * Where something stands (an enum or its name), as a person says it: "waits for approval", not
   * {@code PROPOSED}.
   */
  public String state(Object state) {
    String name = state == null ? "" : state.toString();
    return switch (name) {
      case "PROPOSED" -> "waits for approval";
      case "OPEN" -> "open";
      case "APPLIED" -> "waiting for an answer";
      default -> name.toLowerCase().replace('_', ' ');
    };
  }

  /** How a proposed change widens a rule, by the field that widens. */
  public String widening(String field) {
    return switch (field == null ? "" : field) {
      case "decisionType" -> "more kinds of decision";
      case "holder" -> "more people decide";
      case "limit" -> "a higher limit";
      case "currency" -> "another currency";
      case "adviceThreshold" -> "advice needed only at a higher amount";
      case "advicePerspectives" -> "fewer perspectives to consult";
      case "conditions" -> "fewer conditions";
      case "validFrom" -> "it starts earlier";
      case "validUntil" -> "it ends later";
      case "owner" -> "another owner";
      case "retired" -> "a retired rule brought back";
      default -> field;
    };
  }

  /** A rule's advice requirement: "above 250 EUR: Finance", "always: Quality", "none". */
  public String advice(CheckResult.RuleRef rule) {
    if (rule.advicePerspectives().isEmpty()) {
      return "none";
    }
    String when =
        rule.adviceThreshold() == null
            ? "always"
            : "above "
                + rule.adviceThreshold().stripTrailingZeros().toPlainString()
                + (rule.limit() == null ? "" : " " + rule.limit().currency());
    return when
        + ": "
        + String.join(", ", rule.advicePerspectives().stream().map(this::perspective).toList());
  }

  /** A rule by what it is about: "Goodwill credit: the members of Service Desk". */
  public String rule(CheckResult.RuleRef rule) {
    return type(rule.decisionType()) + ": " + rule.holder();
  }

  /** Every perspective, for the lists people choose them from. */
  public java.util.List<Perspective> perspectives() {
    return directory.perspectives();
  }

  /** A perspective by its name ("Production engineering"), its code where none is known. */
  public String perspective(String code) {
    return directory.perspectives().stream()
        .filter(p -> p.code().equals(code))
        .map(Perspective::name)
        .findFirst()
        .orElse(code == null ? "" : code);
  }
}
