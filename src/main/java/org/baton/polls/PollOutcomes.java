package org.baton.polls;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Records a closed poll's outcome as its author's decision, through the decision record and its
 * authority check: the decision's hashed content carries the poll (its kind and version, the
 * audience, the count, whether the quorum was met, each objection with its answer). A consent
 * proposal is decided only once every objection to its last version is answered; an outcome other
 * than the count's (another option, no quorum, a tie) says so in the decision's reason.
 */
@Service
public class PollOutcomes {

  /** What the author decides: the option chosen (none for consent) and the decision itself. */
  public record Outcome(
      Long optionId,
      String decisionType,
      String title,
      String reason,
      Money amount,
      String otherThanTheCount) {}

  private final PollAccess access;
  private final PollStore store;
  private final DecisionRecord decisions;
  private final ApplicationEventPublisher events;
  private final java.time.Clock clock;

  PollOutcomes(
      PollAccess access,
      PollStore store,
      DecisionRecord decisions,
      ApplicationEventPublisher events,
      java.time.Clock clock) {
    this.access = access;
    this.store = store;
    this.decisions = decisions;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Not in a transaction of its own: the decision record appends in its own, with the poll marked
   * decided in the same one (so that of two outcomes at once only one is recorded).
   */
  public Decision record(BatonUser actor, long id, Outcome outcome) {
    Poll poll = access.visible(actor, id).poll();
    Instant now = clock.instant();
    access.refuseUnless(
        PollPermissions.isAuthor(actor, poll), "Only the poll's author records its outcome.");
    if (poll.open(now)) {
      throw new InvalidInputException("poll", "Close the poll first: its count is not final.");
    }
    if (poll.decisionId() != null) {
      throw new InvalidInputException("poll", "Its outcome is recorded already.");
    }
    List<Vote> votes = store.votes(id);
    Tally tally = Tally.of(poll, votes, now);
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (votes.stream().anyMatch(v -> v.openObjection(poll.version()))) {
      problems.add(
          new FieldProblem(
              "objections",
              "Answer every objection first: by amending, or by saying why it stands."));
    }
    Poll.Option chosen = null;
    if (poll.kind().hasOptions()) {
      chosen =
          poll.options().stream()
              .filter(o -> outcome.optionId() != null && o.id() == outcome.optionId())
              .findFirst()
              .orElse(null);
      if (chosen == null) {
        problems.add(new FieldProblem("optionId", "Choose what was decided among the options."));
      }
    }
    boolean asCounted =
        tally.quorumMet()
            && (poll.kind() == PollKind.CONSENT
                || (chosen != null && Long.valueOf(chosen.id()).equals(tally.leading())));
    String otherwise = TextRules.orEmpty(outcome.otherThanTheCount());
    if (!asCounted && problems.isEmpty() && otherwise.isEmpty()) {
      problems.add(
          new FieldProblem(
              "otherThanTheCount",
              tally.quorumMet()
                  ? "This is not what the count chose: say why you decide otherwise."
                  : "Too few answered for the count to stand: say why you decide anyway."));
    }
    InvalidInputException.throwIfAny(problems);
    String reason =
        asCounted
            ? TextRules.orEmpty(outcome.reason())
            : "Not as the poll counted: "
                + otherwise
                + "\n\n"
                + TextRules.orEmpty(outcome.reason());
    String type = outcome.decisionType() != null ? outcome.decisionType() : poll.decisionType();
    DecisionDraft draft =
        new DecisionDraft(
            type,
            outcome.title(),
            reason,
            outcome.amount(),
            context(poll, tally, votes, chosen),
            List.of(),
            null,
            "",
            null);
    List<Long> told = Polls.told(poll.authorPersonId(), store.audienceOf(id));
    // the poll marked decided and the event written in the decision's own transaction: of two
    // outcomes at once only one is recorded, and the audience hears of the one that was
    return decisions.record(
        actor,
        draft,
        recorded -> {
          if (!store.decided(id, recorded.id())) {
            throw new InvalidInputException("poll", "Its outcome is recorded already.");
          }
          events.publishEvent(
              new PollChanged(id, PollChanged.Kind.DECIDED, poll.authorPersonId(), told));
        });
  }

  /**
   * The poll as the decision's context, in words (the decision's page shows it as it is): what the
   * record's hash keeps of it.
   */
  static Map<String, String> context(Poll poll, Tally tally, List<Vote> votes, Poll.Option chosen) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put(
        "Poll", "#" + poll.id() + ", " + poll.kind().label() + ", version " + poll.version());
    context.put(
        "Turnout",
        tally.voters()
            + " of "
            + tally.audience()
            + " answered"
            + (poll.quorumPercent() > 0
                ? "; quorum "
                    + poll.quorumPercent()
                    + "% "
                    + (tally.quorumMet() ? "met" : "not met")
                : ""));
    if (poll.kind() == PollKind.CONSENT) {
      context.put(
          "Count",
          "consent "
              + tally.stances().get(Stance.CONSENT)
              + ", stand aside "
              + tally.stances().get(Stance.STAND_ASIDE)
              + ", object "
              + tally.stances().get(Stance.OBJECT)
              + ", silent on this version (counted as consent) "
              + tally.silent());
      long objections = votes.stream().filter(v -> v.stance() == Stance.OBJECT).count();
      context.put("Objections", Long.toString(objections));
      int n = 0;
      for (Vote v : votes) {
        if (v.stance() == Stance.OBJECT && n < 10) {
          n++;
          context.put(
              "Objection " + n,
              cut(
                  "on version "
                      + v.version()
                      + ": "
                      + v.reason()
                      + " Answer: "
                      + (v.answer() == null ? "by amendment" : v.answer())));
        }
      }
    } else {
      StringBuilder count = new StringBuilder();
      for (Tally.OptionCount o : tally.options()) {
        if (count.length() > 0) {
          count.append("; ");
        }
        count
            .append(o.text())
            .append(": ")
            .append(
                poll.kind() == PollKind.SCORE
                    ? o.scoreTotal() + " points"
                    : poll.kind() == PollKind.RANKED
                        ? o.borda() + " points"
                        : o.votes() + " votes");
      }
      context.put("Count", cut(count.toString()));
      if (chosen != null) {
        context.put("Chosen", cut(chosen.text()));
      }
    }
    return context;
  }

  /** One line of at most 200 characters, without control or format characters, whole. */
  private static String cut(String text) {
    String flat = text.replaceAll("[\\p{Cc}\\p{Cf}\\s]+", " ").strip();
    if (flat.codePointCount(0, flat.length()) <= 200) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, 199)) + "…";
  }
}
