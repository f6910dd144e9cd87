package org.baton.authority;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;

/**
 * The rule form as typed: people by e-mail, lists as text. Bound by Spring, turned into a draft.
 */
class RuleForm {

  private String decisionType = "";
  private Holder.Kind holderKind = Holder.Kind.TEAM;
  private String holderEmail = "";
  private Long holderTeamId;
  private Long holderRoleId;
  private String limit = "";
  private String currency = "EUR";
  private String adviceThreshold = "";
  private String advicePerspectives = "";
  private String conditions = "";
  private String validFrom = "";
  private String validUntil = "";
  private String ownerEmail = "";
  private String reason = "";
  private boolean retire;
  private int months = 6;

  static RuleForm of(AuthorityAdministration.RuleWithHistory existing, Directory directory) {
    AuthorityRule rule = existing.rule();
    RuleForm form = new RuleForm();
    form.decisionType = rule.type().value();
    form.holderKind = rule.holder().kind();
    form.holderEmail =
        rule.holder().personId() == null
            ? ""
            : directory.findPerson(rule.holder().personId()).map(Person::email).orElse("");
    form.holderTeamId = rule.holder().teamId();
    form.holderRoleId = rule.holder().roleId();
    // as a person writes it: 500, not 500.00
    form.limit =
        rule.limit() == null ? "" : rule.limit().value().stripTrailingZeros().toPlainString();
    form.currency = rule.limit() == null ? "EUR" : rule.limit().currency();
    form.adviceThreshold =
        rule.adviceThreshold() == null
            ? ""
            : rule.adviceThreshold().stripTrailingZeros().toPlainString();
    form.advicePerspectives = String.join(", ", rule.advicePerspectives());
    form.conditions =
        String.join("\n", rule.conditions().stream().map(Condition::toString).toList());
    form.validFrom = rule.validFrom() == null ? "" : rule.validFrom().toString();
    form.validUntil = rule.validUntil() == null ? "" : rule.validUntil().toString();
    form.ownerEmail =
        rule.ownerPersonId() == null
            ? ""
            : directory.findPerson(rule.ownerPersonId()).map(Person::email).orElse("");
    return form;
  }

  RuleDraft draft(Directory directory) {
    return new RuleDraft(
        decisionType.strip(),
        holderKind,
        holderKind == Holder.Kind.PERSON ? personId(directory, holderEmail, "holder") : null,
        holderKind == Holder.Kind.ROLE ? null : holderTeamId,
        holderKind == Holder.Kind.ROLE ? holderRoleId : null,
        number(limit, "limit"),
        currency,
        number(adviceThreshold, "adviceThreshold"),
        Arrays.stream(advicePerspectives.split(","))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .map(Perspectives::code)
            .toList(),
        List.of(conditions.split("\\R")),
        date(validFrom, "validFrom"),
        date(validUntil, "validUntil"),
        ownerEmail.isBlank() ? null : personId(directory, ownerEmail, "owner"),
        reason);
  }

  private static Long personId(Directory directory, String email, String field) {
    return directory.resolvePerson(email, field).id();
  }

  private static BigDecimal number(String text, String field) {
    return Money.number(text, field, "Enter a number, such as 500.");
  }

  private static LocalDate date(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Enter a date as YYYY-MM-DD.");
    }
  }

  /** Perspectives may be typed by name ("Production engineering") or code. */
  static final class Perspectives {
    private Perspectives() {}

    static String code(String typed) {
      return org.baton.directory.Perspective.codeFor(typed);
    }
  }

  public String getDecisionType() {
    return decisionType;
  }

  public void setDecisionType(String decisionType) {
    this.decisionType = decisionType == null ? "" : decisionType;
  }

  public Holder.Kind getHolderKind() {
    return holderKind;
  }

  public void setHolderKind(Holder.Kind holderKind) {
    this.holderKind = holderKind;
  }

  public String getHolderEmail() {
    return holderEmail;
  }

  public void setHolderEmail(String holderEmail) {
    this.holderEmail = holderEmail == null ? "" : holderEmail;
  }

  public Long getHolderTeamId() {
    return holderTeamId;
  }

  public void setHolderTeamId(Long holderTeamId) {
    this.holderTeamId = holderTeamId;
  }

  public Long getHolderRoleId() {
    return holderRoleId;
  }

  public void setHolderRoleId(Long holderRoleId) {
    this.holderRoleId = holderRoleId;
  }

  public String getLimit() {
    return limit;
  }

  public void setLimit(String limit) {
    this.limit = limit == null ? "" : limit;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency == null ? "" : currency;
  }

  public String getAdviceThreshold() {
    return adviceThreshold;
  }

  public void setAdviceThreshold(String adviceThreshold) {
    this.adviceThreshold = adviceThreshold == null ? "" : adviceThreshold;
  }

  public String getAdvicePerspectives() {
    return advicePerspectives;
  }

  public void setAdvicePerspectives(String advicePerspectives) {
    this.advicePerspectives = advicePerspectives == null ? "" : advicePerspectives;
  }

  public String getConditions() {
    return conditions;
  }

  public void setConditions(String conditions) {
    this.conditions = conditions == null ? "" : conditions;
  }

  public String getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(String validFrom) {
    this.validFrom = validFrom == null ? "" : validFrom;
  }

  public String getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(String validUntil) {
    this.validUntil = validUntil == null ? "" : validUntil;
  }

  public String getOwnerEmail() {
    return ownerEmail;
  }

  public void setOwnerEmail(String ownerEmail) {
    this.ownerEmail = ownerEmail == null ? "" : ownerEmail;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason == null ? "" : reason;
  }

  public boolean isRetire() {
    return retire;
  }

  public void setRetire(boolean retire) {
    this.retire = retire;
  }

  public int getMonths() {
    return months;
  }

  public void setMonths(int months) {
    this.months = months;
  }
}
