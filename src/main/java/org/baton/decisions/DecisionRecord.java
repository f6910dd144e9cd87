package org.baton.decisions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.baton.authority.Authority;
import org.baton.authority.CheckQuestion;
import org.baton.authority.CheckResult;
import org.baton.authority.Verdict;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.CanonicalJson;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.KeyedPage;
import org.baton.platform.NotFoundException;
import org.baton.platform.PageKey;
import org.baton.platform.PageOf;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;
import org.baton.strategy.Strategy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording, reading, reversing and verifying decisions. Nobody records a decision outside their
 * authority: every decision rests on a check made at the moment it is recorded.
 */
@Service
public class DecisionRecord {

  /**
   * The outcome of checking the whole chain and the witness's checkpoints.
   *
   * @param entries how many entries were checked (up to the first broken one)
   * @param firstBrokenSeq the first entry that is changed, or where entries are missing from
   * @param checkpoints how many checkpoints the witness holds
   * @param lastGoodCheckpoint the newest checkpoint the record still contains
   */
  public record Verification(
      boolean intact,
      long entries,
      @Schema(nullable = true) Long firstBrokenSeq,
      @Schema(nullable = true) String problem,
      int checkpoints,
      @Schema(nullable = true) Checkpoint lastGoodCheckpoint) {}

  /** What an auditor needs to check checkpoints: the witness's public key and its checkpoints. */
  public record Witnessed(
      String algorithm, String publicKey, String fingerprint, List<Checkpoint> checkpoints) {}

  private final DecisionRepository repository;
  private final ChainWriter chain;
  private final Authority authority;
  private final Directory directory;
  private final Clock clock;
  private final ChainVerifier verifier;
  private final DecisionWitness witness;
  // Looked up when used: the learning module that implements it reads decisions itself.
  private final ObjectProvider<ConsultedLearnings> consultedLearnings;
  private final Strategy strategy;
  private final NamedAdvice namedAdvice;

  DecisionRecord(
      DecisionRepository repository,
      ChainWriter chain,
      Authority authority,
      Directory directory,
      Clock clock,
      ChainVerifier verifier,
      DecisionWitness witness,
      ObjectProvider<ConsultedLearnings> consultedLearnings,
      Strategy strategy,
      NamedAdvice namedAdvice) {
    this.namedAdvice = namedAdvice;
    this.consultedLearnings = consultedLearnings;
    this.strategy = strategy;
    this.clock = clock;
    this.verifier = verifier;
    this.witness = witness;
    this.repository = repository;
    this.chain = chain;
    this.authority = authority;
    this.directory = directory;
  }

  /** Records a decision by the acting person, resting on a fresh check of their authority. */
  public Decision record(BatonUser actor, DecisionDraft draft) {
    return record(actor, draft, null);
  }

  /**
   * Records a decision together with a write that must commit with it, such as closing the advice
   * request it settles; if that write fails, the decision is not recorded either.
   */
  public Decision record(BatonUser actor, DecisionDraft draft, Consumer<Decision> withIt) {
    long decider = personOf(actor);
    Decision.Kind kind = Decision.Kind.DECISION;
    if (draft.supersedes() != null) {
      Decision earlier = find(actor, draft.supersedes());
      DecisionAccess.supersede(actor, earlier, holdsAuthorityOver(decider, earlier));
      if (!earlier.decisionType().equals(draft.decisionType())) {
        throw new InvalidInputException(
            "decisionType", "A decision is superseded by one of the same type.");
      }
      refuseIfFollowedUp(actor, earlier.id());
      kind = Decision.Kind.SUPERSESSION;
    }
    checkLearnings(actor, draft);
    checkPriority(draft);
    Prepared prepared = entry(decider, null, kind, draft, Set.of());
    return chain.append(prepared.decision(), prepared.withAdvisers(withIt));
  }

  /** A decision names a priority of the current direction, or none. */
  private void checkPriority(DecisionDraft draft) {
    if (draft.priorityId() != null && !strategy.isCurrentPriority(draft.priorityId())) {
      throw new InvalidInputException("priorityId", "Choose one of the current priorities.");
    }
  }

  /** A decision names only learnings its decider could see, and acknowledgements they made. */
  private void checkLearnings(BatonUser actor, DecisionDraft draft) {
    if (draft.learningsShown().isEmpty() && draft.learningsAcknowledged().isEmpty()) {
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (!draft.learningsShown().containsAll(draft.learningsAcknowledged())) {
      problems.add(
          new FieldProblem("learningsAcknowledged", "Acknowledge only learnings you were shown."));
    }
    List<ConsultedLearnings> checkers = consultedLearnings.orderedStream().toList();
    if (checkers.isEmpty()) {
      problems.add(new FieldProblem("learningsShown", "Learnings cannot be checked here."));
    }
    for (ConsultedLearnings learnings : checkers) {
      problems.addAll(
          learnings.check(actor, draft.learningsShown(), draft.learningsAcknowledged()));
    }
    InvalidInputException.throwIfAny(problems);
  }

  /** Whether this person, today, may decide what the earlier decision decided. */
  private boolean holdsAuthorityOver(long personId, Decision earlier) {
    try {
      return authority
              .evaluate(
                  new CheckQuestion(
                      personId,
                      earlier.decisionType(),
                      earlier.amount() == null
                          ? null
                          : new org.baton.platform.Money(earlier.amount(), earlier.currency()),
                      earlier.context()),
                  now())
              .verdict()
          != Verdict.OUTSIDE_AUTHORITY;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  private void refuseIfFollowedUp(BatonUser actor, long id) {
    if (!repository.followUps(id, viewer(actor)).isEmpty()) {
      throw new InvalidInputException(
          "id", "This decision has already been reversed or superseded.");
    }
  }

  /**
   * Records a decision made by {@code decider} at another person's request (an approved request):
   * the decider's authority is checked, and the requester can see it. {@code withIt} runs in the
   * same transaction as the append, so that the request's answer and the decision commit together.
   */
  Decision recordFor(long decider, long requester, DecisionDraft draft, Consumer<Decision> withIt) {
    Prepared prepared = entry(decider, requester, Decision.Kind.DECISION, draft, Set.of(requester));
    return chain.append(prepared.decision(), prepared.withAdvisers(withIt));
  }

  /** Reverses a decision: a new entry with a reason; the original stays as it was. */
  public Decision reverse(BatonUser actor, long id, String reason) {
    Decision original = find(actor, id);
    if (original.kind() != Decision.Kind.DECISION) {
      throw new InvalidInputException("id", "Only a decision can be reversed.");
    }
    DecisionAccess.reverse(actor, original);
    refuseIfFollowedUp(actor, id);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 2000) {
      throw new InvalidInputException("reason", "Say why the decision is reversed.");
    }
    Decision reversal =
        new Decision(
            0,
            0,
            Decision.Kind.REVERSAL,
            original.id(),
            now(),
            actor.personId(),
            null,
            original.decisionType(),
            "Reversal: " + truncate(original.title(), 180),
            why,
            original.amount(),
            original.currency(),
            original.context(),
            original.affectedTeamIds(),
            null,
            original.verdict(),
            original.ruleId(),
            original.ruleVersion(),
            original.delegationId(),
            original.authority(),
            "",
            original.confidential(),
            original.visibleTo(),
            "",
            "",
            actor.personId() == null ? actor.getUsername() : null,
            List.of(),
            List.of(),
            null);
    return chain.append(reversal, null);
  }

  /**
   * An entry as the record's followers see it (the webhooks, insights): ids and facts, no content,
   * for following the record in order by {@code seq}.
   *
   * @param priorityId the current priority the decision named, or null
   * @param learningsShown how many past learnings the decider was shown before deciding
   * @param learningsAcknowledged how many of them the decider read or marked helped
   */
  public record Appended(
      long id,
      long seq,
      Decision.Kind kind,
      Long refersTo,
      Long deciderPersonId,
      Long requestedByPersonId,
      String decisionType,
      boolean confidential,
      Instant decidedAt,
      Long priorityId,
      int learningsShown,
      int learningsAcknowledged) {}

  /**
   * Entries appended after {@code seq}, in order, at most {@code limit}: the record is append-only,
   * so a follower that remembers the last seq it handled misses nothing and sees nothing twice. Not
   * filtered by anyone's view: followers decide who may hear of confidential entries.
   */
  public List<Appended> appendedAfter(long seq, int limit) {
    return repository.appendedAfter(seq, limit);
  }

  /** A decision as a team's news tells it: who decided what, and when. */
  public record Recorded(long id, long deciderPersonId, String title, Instant decidedAt) {}

  /**
   * Decisions (and supersessions) recorded since then that every member may see, newest first, at
   * most {@code limit}: what a digest tells a team happened. Confidential ones are never news.
   */
  @Transactional(readOnly = true)
  public List<Recorded> openDecisionsSince(Instant since, int limit) {
    return repository.openDecisionsSince(since, limit);
  }

  /**
   * What an entry says about a decider's record: for a decision, who decided what, how much and on
   * which grant; for a reversal or supersession, also who made the decision it undoes and when.
   *
   * @param limitRuleId the rule the decision rested on (for a delegation, the delegator's rule)
   * @param originalDeciderPersonId for a reversal or supersession, the decider of the entry it
   *     refers to; else null
   */
  public record Outcome(
      long seq,
      Decision.Kind kind,
      Instant decidedAt,
      Long deciderPersonId,
      String decisionType,
      java.math.BigDecimal amount,
      String currency,
      String verdict,
      Long limitRuleId,
      Integer limitRuleVersion,
      Long delegationId,
      Long originalDeciderPersonId,
      Instant originalDecidedAt) {}

  /** Outcomes of the entries after {@code seq}, in order, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<Outcome> outcomesAfter(long seq, int limit) {
    return repository.outcomesAfter(seq, limit);
  }

  /** Every entry's outcome in order, streamed: to rebuild what is derived from the record. */
  @Transactional(readOnly = true)
  public void forEachOutcome(Consumer<Outcome> consumer) {
    repository.forEachOutcome(consumer);
  }

  /** The types of those of these decisions that this person decided, by decision id. */
  public Map<Long, String> typesOfOwn(long deciderPersonId, java.util.Collection<Long> ids) {
    return repository.typesOfOwn(deciderPersonId, ids);
  }

  /** Whether an entry is confidential (seen only by those involved); a missing one counts so. */
  public boolean isConfidential(long id) {
    return repository.confidential(id).orElse(true);
  }

  /** A follow-up date the decider set on their own decision. */
  public record FollowUpDate(long decisionId, String title, LocalDate on) {}

  /**
   * The follow-up dates of a person's own decisions from a day on, soonest first: their calendar.
   * Their own decisions, confidential ones included, are theirs to see.
   */
  @Transactional(readOnly = true)
  public List<FollowUpDate> followUpDatesOf(long deciderId, LocalDate from) {
    return repository.followUpDatesOf(deciderId, from);
  }

  /**
   * A decision's title without asking who reads it: for wording an event to people it already
   * concerns (its decider, the advisers it names), who may see it.
   */
  @Transactional(readOnly = true)
  public Optional<String> titleOf(long id) {
    return repository.find(id, new DecisionRepository.Viewer(null, true)).map(Decision::title);
  }

  /**
   * Whether the actor may see this decision (a confidential one: only those involved and admins):
   * what another module asks before it shows anything a decision led to, its title or its id.
   */
  @Transactional(readOnly = true)
  public boolean maySee(BatonUser actor, long id) {
    return repository.find(id, viewer(actor)).isPresent();
  }

  public Decision find(BatonUser actor, long id) {
    return repository
        .find(id, viewer(actor))
        .orElseThrow(() -> new NotFoundException("No decision " + id + "."));
  }

  public List<Decision> followUps(BatonUser actor, long id) {
    return repository.followUps(id, viewer(actor));
  }

  /** Decisions the actor may see: their own, their team's (the team they are in), or all. */
  public KeyedPage<Decision> list(
      BatonUser actor, String scope, String typePrefix, String verdict, String after, int size) {
    DecisionRepository.Filter.Scope which =
        switch (scope == null ? "" : scope) {
          case "team" -> DecisionRepository.Filter.Scope.TEAM;
          case "all" -> DecisionRepository.Filter.Scope.ALL;
          default -> DecisionRepository.Filter.Scope.MINE;
        };
    List<Long> team =
        which == DecisionRepository.Filter.Scope.TEAM && actor.personId() != null
            ? directory.activeTeamMatesOf(actor.personId())
            : List.of();
    return repository.list(
        new DecisionRepository.Filter(which, team, typePrefix, verdict),
        viewer(actor),
        PageKey.parse(after, 1),
        PageOf.clampSize(size));
  }

  /** Whether nothing has been decided yet (the demo records its examples only then). */
  public boolean isEmpty() {
    return repository.isEmpty();
  }

  /**
   * Recomputes every hash in order and checks every checkpoint of the witness; names the first
   * entry that does not match, or where entries are missing. An intact record's head is signed.
   */
  public Verification verify() {
    return verifier.verify();
  }

  /** The witness's public key and checkpoints (admins; see docs/AUTHORITY.md, "The witness"). */
  public Witnessed witnessed() {
    return new Witnessed(
        "Ed25519", witness.publicKeyPem(), witness.fingerprint(), witness.checkpoints());
  }

  /**
   * The whole record as JSON Lines, verifiable without Baton (docs/AUTHORITY.md, "Tamper
   * evidence"): first the witness's public key, then every entry, then every checkpoint.
   */
  @Transactional(readOnly = true)
  public void export(Writer out) {
    try {
      out.write(
          CanonicalJson.object(
              Map.of(
                  "witness",
                  CanonicalJson.stringMap(
                      Map.of("algorithm", "Ed25519", "publicKey", witness.publicKeyPem())))));
      out.write('\n');
      repository.forEachInOrder(
          d -> {
            try {
              out.write(DecisionChain.exportLine(d));
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      for (Checkpoint checkpoint : witness.checkpoints()) {
        out.write("{\"checkpoint\":" + checkpoint.jsonLine() + "}\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An entry ready for the chain, with what must be written with it: the advisers the decider named
   * (kept, told, able to dispute), in the append's transaction.
   */
  private record Prepared(Decision decision, AdviceBasis basis, NamedAdvice namedAdvice) {
    Consumer<Decision> withAdvisers(Consumer<Decision> withIt) {
      if (basis.named().isEmpty()) {
        return withIt;
      }
      return recorded -> {
        namedAdvice.keep(recorded, basis.named());
        if (withIt != null) {
          withIt.accept(recorded);
        }
      };
    }
  }

  private Prepared entry(
      long decider, Long requester, Decision.Kind kind, DecisionDraft draft, Set<Long> visibleTo) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.title().isEmpty()) {
      problems.add(new FieldProblem("title", "Say in a few words what you decided."));
    } else if (draft.title().length() > 200) {
      problems.add(new FieldProblem("title", TextRules.tooLong(TextLimits.NAME)));
    }
    if (draft.reason().isEmpty()) {
      problems.add(new FieldProblem("reason", "Give a one-line reason."));
    } else if (draft.reason().length() > 2000) {
      problems.add(new FieldProblem("reason", TextRules.tooLong(TextLimits.REASON)));
    }
    if (draft.followUpOn() != null && draft.followUpOn().isBefore(today())) {
      problems.add(new FieldProblem("followUpOn", "A follow-up date cannot be in the past."));
    }
    // Only when teams are named: loading the organisation for every decision would cost more
    // than recording it.
    java.util.Set<Long> teams =
        draft.affectedTeamIds().isEmpty()
            ? java.util.Set.of()
            : directory.teams().stream()
                .map(org.baton.directory.Team::id)
                .collect(java.util.stream.Collectors.toSet());
    for (Long teamId : draft.affectedTeamIds()) {
      if (!teams.contains(teamId)) {
        problems.add(new FieldProblem("affectedTeamIds", "There is no team " + teamId + "."));
      }
    }
    InvalidInputException.throwIfAny(problems);
    Instant at = now();
    CheckResult check =
        authority.evaluate(
            new CheckQuestion(decider, draft.decisionType(), draft.amount(), draft.context()), at);
    if (draft.amount() != null && check.amount() == null) {
      throw new InvalidInputException(
          "amount",
          "A decision of the kind "
              + check.decisionType().name()
              + " has no amount: leave it empty.");
    }
    if (check.verdict() == Verdict.OUTSIDE_AUTHORITY) {
      throw new InvalidInputException("authority", check.explanation());
    }
    AdviceBasis basis = namedAdvice.basisFor(decider, requester, check, draft);
    String advice =
        basis.statement().isEmpty()
            ? draft.adviceConsidered()
            : draft.adviceConsidered().isEmpty()
                ? basis.statement()
                : draft.adviceConsidered() + " — " + basis.statement();
    List<Long> visible = new ArrayList<>(visibleTo);
    // Whoever is named as an adviser may see what their advice is said to have led to.
    basis.named().forEach(adviser -> visible.add(adviser.personId()));
    if (check.delegation() != null) {
      visible.add(check.delegation().from().id());
    }
    Decision entry =
        new Decision(
            0,
            0,
            kind,
            draft.supersedes(),
            at,
            decider,
            requester,
            check.decisionType().code(),
            draft.title(),
            draft.reason(),
            check.amount() == null ? null : check.amount().value(),
            check.amount() == null ? null : check.amount().currency(),
            draft.context(),
            draft.affectedTeamIds(),
            draft.followUpOn(),
            check.verdict().name(),
            check.rule() == null ? null : check.rule().id(),
            check.rule() == null ? null : check.rule().version(),
            check.delegation() == null ? null : check.delegation().id(),
            check.explanation(),
            advice,
            check.decisionType().confidential(),
            visible,
            "",
            "",
            null,
            draft.learningsShown(),
            draft.learningsAcknowledged(),
            draft.priorityId());
    return new Prepared(entry, basis, namedAdvice);
  }

  static DecisionRepository.Viewer viewer(BatonUser actor) {
    return new DecisionRepository.Viewer(actor.personId(), actor.isAdmin());
  }

  private static long personOf(BatonUser actor) {
    return actor.requirePerson("decider", "only people make decisions.");
  }

  private Instant now() {
    // Milliseconds: what the database keeps exactly, so that the hash can be recomputed.
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private LocalDate today() {
    return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
