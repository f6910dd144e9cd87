package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.directory.Person;
import org.baton.directory.Team;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole authority policy as one JSON document, so that a company can keep it under review like
 * code: export it, edit it, import it. People are named by e-mail and teams by name, so a document
 * reads well and moves between installations. An import is checked whole first; then types are
 * saved, rules without an id are created, and rules whose content changed get a new version. Rules
 * the document leaves out stay as they are.
 */
@Service
public class PolicyDocument {

  public record Document(
      @Schema(nullable = true) String reason,
      List<DecisionType> decisionTypes,
      List<RuleEntry> rules) {}

  public record HolderEntry(
      Holder.Kind kind,
      @Schema(nullable = true) String person,
      @Schema(nullable = true) String team,
      @Schema(nullable = true, description = "The role's name, for role holders") String role) {}

  public record RuleEntry(
      @Schema(nullable = true) Long id,
      String decisionType,
      HolderEntry holder,
      @Schema(nullable = true) BigDecimal limit,
      @Schema(nullable = true) String currency,
      @Schema(nullable = true) BigDecimal adviceThreshold,
      List<String> advicePerspectives,
      List<String> conditions,
      @Schema(nullable = true) LocalDate validFrom,
      @Schema(nullable = true) LocalDate validUntil,
      @Schema(nullable = true) String owner,
      boolean retired) {}

  @Schema(name = "PolicyImportResult")
  public record ImportResult(
      int typesSaved, int rulesCreated, int rulesChanged, int rulesUnchanged) {}

  private final AuthorityAdministration administration;
  private final AuthorityRepository repository;
  private final Directory directory;

  PolicyDocument(
      AuthorityAdministration administration, AuthorityRepository repository, Directory directory) {
    this.administration = administration;
    this.repository = repository;
    this.directory = directory;
  }

  @PreAuthorize("hasRole('ADMIN')")
  public Document export() {
    Organisation org = directory.organisation();
    Map<Long, String> emails = new HashMap<>();
    Map<Long, String> roles = administration.roleNames();
    List<RuleEntry> rules = new ArrayList<>();
    for (AuthorityRepository.RuleVersion version : repository.currentRules()) {
      AuthorityRule r = version.rule();
      rules.add(
          new RuleEntry(
              r.id(),
              r.type().value(),
              new HolderEntry(
                  r.holder().kind(),
                  email(r.holder().personId(), emails),
                  r.holder().teamId() == null
                      ? null
                      : org.tree().team(r.holder().teamId()).map(Team::name).orElse(null),
                  r.holder().roleId() == null ? null : roles.get(r.holder().roleId())),
              r.limit() == null ? null : r.limit().value(),
              r.limit() == null ? null : r.limit().currency(),
              r.adviceThreshold(),
              r.advicePerspectives(),
              r.conditions().stream().map(Condition::toString).toList(),
              r.validFrom(),
              r.validUntil(),
              email(r.ownerPersonId(), emails),
              r.retired()));
    }
    return new Document(null, repository.types(), rules);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public ImportResult importDocument(BatonUser actor, Document document) {
    if (document == null) {
      throw new InvalidInputException("document", "Send a policy document.");
    }
    String reason = document.reason() == null ? "" : document.reason().strip();
    List<FieldProblem> problems = new ArrayList<>();
    if (reason.isEmpty()) {
      problems.add(
          new FieldProblem("reason", "Say why the policy changes: every new version records it."));
    }
    List<DecisionType> types =
        document.decisionTypes() == null ? List.of() : document.decisionTypes();
    Map<String, DecisionType> typesAfter = new HashMap<>();
    repository.types().forEach(t -> typesAfter.put(t.code(), t));
    for (int i = 0; i < types.size(); i++) {
      DecisionType t = types.get(i);
      if (t == null || !DecisionTypeCode.isValid(t.code())) {
        problems.add(
            new FieldProblem(
                "decisionTypes[" + i + "].code", "Use lower-case words joined by dots."));
      } else if (t.name() == null || t.name().isBlank()) {
        problems.add(new FieldProblem("decisionTypes[" + i + "].name", "Give the type a name."));
      } else {
        typesAfter.put(t.code(), t);
      }
    }
    Organisation org = directory.organisation();
    List<RuleEntry> entries = document.rules() == null ? List.of() : document.rules();
    List<AuthorityRule> checked = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = "rules[" + i + "]";
      RuleEntry e = entries.get(i);
      try {
        DecisionType type = typesAfter.get(e.decisionType());
        if (type == null) {
          throw new InvalidInputException(
              "decisionType", "There is no decision type " + e.decisionType() + ".");
        }
        if (e.id() != null && repository.current(e.id()).isEmpty()) {
          throw new InvalidInputException(
              "id", "There is no rule " + e.id() + "; leave the id out to create one.");
        }
        checked.add(
            draft(e, org, reason).toRule(e.id() == null ? 0 : e.id(), 0, type, e.retired()));
      } catch (InvalidInputException problem) {
        problem
            .problems()
            .forEach(p -> problems.add(new FieldProblem(at + "." + p.field(), p.message())));
      }
    }
    InvalidInputException.throwIfAny(problems);
    types.forEach(administration::saveType);
    int created = 0;
    int changed = 0;
    int unchanged = 0;
    for (int i = 0; i < entries.size(); i++) {
      RuleEntry e = entries.get(i);
      RuleDraft draft = draft(e, org, reason);
      if (e.id() == null) {
        administration.createRule(actor, draft);
        created++;
      } else {
        AuthorityRule current = repository.current(e.id()).orElseThrow().rule();
        AuthorityRule proposed = checked.get(i);
        if (sameContent(current, proposed)) {
          unchanged++;
        } else {
          administration.changeRule(actor, e.id(), draft, e.retired());
          changed++;
        }
      }
    }
    return new ImportResult(types.size(), created, changed, unchanged);
  }

  private RuleDraft draft(RuleEntry e, Organisation org, String reason) {
    HolderEntry holder = e.holder();
    if (holder == null || holder.kind() == null) {
      throw new InvalidInputException("holder", "Say who holds the authority.");
    }
    Long personId = holder.person() == null ? null : personId(holder.person(), "holder.person");
    Long teamId = null;
    if (holder.team() != null) {
      teamId =
          directory.teams().stream()
              .filter(t -> t.name().equalsIgnoreCase(holder.team().strip()))
              .map(Team::id)
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "holder.team", "There is no team " + holder.team() + "."));
    }
    Long roleId = null;
    if (holder.role() != null) {
      roleId =
          administration.roleNames().entrySet().stream()
              .filter(r -> r.getValue().equalsIgnoreCase(holder.role().strip()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "holder.role", "There is no role " + holder.role() + "."));
    }
    return new RuleDraft(
        e.decisionType(),
        holder.kind(),
        personId,
        teamId,
        roleId,
        e.limit(),
        e.currency(),
        e.adviceThreshold(),
        e.advicePerspectives(),
        e.conditions(),
        e.validFrom(),
        e.validUntil(),
        e.owner() == null ? null : personId(e.owner(), "owner"),
        reason);
  }

  private Long personId(String email, String field) {
    return directory
        .findPersonByEmail(email)
        .map(Person::id)
        .orElseThrow(
            () -> new InvalidInputException(field, "Nobody has the e-mail address " + email + "."));
  }

  private String email(Long personId, Map<Long, String> cache) {
    if (personId == null) {
      return null;
    }
    return cache.computeIfAbsent(
        personId, id -> directory.findPerson(id).map(Person::email).orElse(null));
  }

  /** Whether a rule would say the same with the proposed content; version and id aside. */
  static boolean sameContent(AuthorityRule a, AuthorityRule b) {
    return a.type().equals(b.type())
        && a.holder().equals(b.holder())
        && java.util.Objects.equals(a.limit(), b.limit())
        && compare(a.adviceThreshold(), b.adviceThreshold())
        && a.advicePerspectives().equals(b.advicePerspectives())
        && a.conditions().stream()
            .map(Condition::toString)
            .toList()
            .equals(b.conditions().stream().map(Condition::toString).toList())
        && java.util.Objects.equals(a.validFrom(), b.validFrom())
        && java.util.Objects.equals(a.validUntil(), b.validUntil())
        && java.util.Objects.equals(a.ownerPersonId(), b.ownerPersonId())
        && a.retired() == b.retired();
  }

  private static boolean compare(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
