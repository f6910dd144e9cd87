package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.List;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposed changes that widen a rule: admins see them with their preview and approve or decline
 * each with a reason; the proposer sees their own. An approval applies the change as the rule's
 * next version only while the rule is still at the version it was drafted against.
 */
@Service
public class RuleChanges {

  static final int MAX_LISTED = 200;
  static final int MAX_ANSWER = 2000;

  private final RuleChangeRepository changes;
  private final AuthorityAdministration administration;
  private final Clock clock;
  private final PolicyPreview preview;
  private final Directory directory;

  RuleChanges(
      RuleChangeRepository changes,
      AuthorityAdministration administration,
      Clock clock,
      PolicyPreview preview,
      Directory directory) {
    this.changes = changes;
    this.administration = administration;
    this.clock = clock;
    this.preview = preview;
    this.directory = directory;
  }

  /** For admins, every change waiting for an answer; for others, the ones they proposed. */
  public List<RuleChange> visibleTo(BatonUser actor) {
    // The query narrows by the same bounds as AuthorityPermissions.maySee, which has the last word.
    List<RuleChange> candidates =
        actor.isAdmin()
            ? changes.open(MAX_LISTED)
            : actor.personId() == null
                ? List.of()
                : changes.byProposer(actor.personId(), MAX_LISTED);
    return candidates.stream().filter(c -> AuthorityPermissions.maySee(actor, c)).toList();
  }

  /** The changes waiting for this actor's answer: an admin's, never their own proposal. */
  public List<RuleChange> awaitingAnswerFrom(BatonUser actor) {
    return visibleTo(actor).stream()
        .filter(c -> c.status() == RuleChange.Status.PROPOSED)
        .filter(c -> AuthorityPermissions.mayAnswer(actor, c))
        .toList();
  }

  /** The changes proposed to one rule that the actor may see, newest first. */
  public List<RuleChange> forRule(BatonUser actor, long ruleId) {
    return changes.forRule(ruleId, MAX_LISTED).stream()
        .filter(c -> AuthorityPermissions.maySee(actor, c))
        .toList();
  }

  /**
   * A proposed change as a page shows it: what the rule would become, whether this actor may answer
   * it, and (while it waits, for those who answer) its preview against the last six months.
   */
  @Schema(name = "RuleChangeView")
  public record View(
      RuleChange change, String summary, boolean mayAnswer, PolicyPreview.Impact impact) {}

  public List<View> views(BatonUser actor, long ruleId) {
    return forRule(actor, ruleId).stream().map(change -> view(actor, change)).toList();
  }

  private View view(BatonUser actor, RuleChange change) {
    boolean waiting = change.status() == RuleChange.Status.PROPOSED;
    boolean mayAnswer = waiting && AuthorityPermissions.mayAnswer(actor, change);
    String summary;
    try {
      AuthorityRule proposed =
          change
              .draft()
              .toRule(
                  change.ruleId(),
                  change.baseVersion() + 1,
                  administration.typeOf(change.draft()),
                  change.retire());
      CheckResult.RuleRef ref =
          Authority.ruleRef(proposed, directory.organisation(), administration.roleNames());
      summary =
          ref.holder()
              + " may decide “"
              + administration.typeOf(change.draft()).name()
              + "”"
              + (ref.limit() == null ? "" : " up to " + ref.limit())
              + (change.retire() ? " (retired)" : "");
    } catch (InvalidInputException e) {
      summary = "no longer a valid rule: " + e.getMessage();
    }
    PolicyPreview.Impact impact =
        mayAnswer ? preview.preview(actor, change.ruleId(), change.draft(), 6) : null;
    return new View(change, summary, mayAnswer, impact);
  }

  public RuleChange find(BatonUser actor, long id) {
    return changes
        .find(id)
        .filter(c -> AuthorityPermissions.maySee(actor, c))
        .orElseThrow(() -> new NotFoundException("No proposed change " + id + "."));
  }

  @Transactional
  public RuleChange approve(BatonUser actor, long id, String reason) {
    RuleChange change = openForAnswer(actor, id);
    String why = answer(reason, false);
    AuthorityRule current = administration.rule(change.ruleId()).rule();
    if (current.version() != change.baseVersion()) {
      throw new InvalidInputException(
          "id",
          "The rule has changed since this was proposed (version "
              + change.baseVersion()
              + ", now "
              + current.version()
              + "): decline it and ask for a new proposal.");
    }
    RuleDraft draft = change.draft();
    DecisionType type = administration.typeOf(draft);
    administration.checkReferences(draft);
    administration.applyVersion(
        change.ruleId(),
        draft,
        type,
        change.retire(),
        change.proposedBy() + ", approved by " + actor.displayName());
    changes.answer(id, RuleChange.Status.APPROVED, actor.displayName(), clock.instant(), why);
    return changes.find(id).orElseThrow();
  }

  @Transactional
  public RuleChange decline(BatonUser actor, long id, String reason) {
    openForAnswer(actor, id);
    String why = answer(reason, true);
    changes.answer(id, RuleChange.Status.DECLINED, actor.displayName(), clock.instant(), why);
    return changes.find(id).orElseThrow();
  }

  private RuleChange openForAnswer(BatonUser actor, long id) {
    RuleChange change =
        changes
            .lock(id)
            .filter(c -> AuthorityPermissions.maySee(actor, c))
            .orElseThrow(() -> new NotFoundException("No proposed change " + id + "."));
    AuthorityAccess.answer(actor, change);
    if (change.status() != RuleChange.Status.PROPOSED) {
      throw new InvalidInputException("id", "This change has already been answered.");
    }
    return change;
  }

  private static String answer(String reason, boolean required) {
    String why = reason == null ? "" : reason.strip();
    if (required && why.isEmpty()) {
      throw new InvalidInputException("reason", "Say why, so the proposer can learn from it.");
    }
    if (why.length() > MAX_ANSWER) {
      throw new InvalidInputException("reason", TextRules.tooLong(TextLimits.REASON));
    }
    return why;
  }
}
