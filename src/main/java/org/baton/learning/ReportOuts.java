package org.baton.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.directory.Team;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Report-outs (what someone learned and shares with the teams it matters to) and report-out rounds
 * (a team leader's "each of us interviews one customer by Friday", listing who has posted).
 */
@Service
public class ReportOuts {

  /** What someone posts, before it is checked. */
  public record Draft(
      String title, String body, List<String> tags, List<Long> teamIds, Long roundId) {
    public Draft {
      title = title == null ? "" : title.strip();
      body = body == null ? "" : body.strip();
      tags =
          tags == null
              ? List.of()
              : tags.stream()
                  .filter(Objects::nonNull)
                  .map(t -> t.strip().toLowerCase(Locale.ROOT))
                  .filter(t -> !t.isEmpty())
                  .distinct()
                  .toList();
      teamIds =
          teamIds == null
              ? List.of()
              : teamIds.stream().filter(Objects::nonNull).distinct().toList();
    }
  }

  /** A round: who was asked (the team's members) and who has posted. */
  public record Round(
      long id,
      long teamId,
      String teamName,
      long startedById,
      String startedByName,
      String title,
      LocalDate due,
      boolean overdue,
      List<ReportOut> posts,
      List<String> waitingFor,
      List<Long> waitingForIds) {}

  static final int MAX_BODY = TextLimits.ANY;
  static final int MAX_TAGS = 10;
  private static final Pattern TAG = Pattern.compile("^[\\p{L}0-9][\\p{L}0-9-]{0,39}$");

  private final ReportOutStore store;
  private final Directory directory;
  private final LearningResponses responses;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ReportOuts(
      ReportOutStore store,
      Directory directory,
      LearningResponses responses,
      Clock clock,
      ApplicationEventPublisher events) {
    this.store = store;
    this.directory = directory;
    this.responses = responses;
    this.clock = clock;
    this.events = events;
  }

  /** Posts a report-out; every member may read it at once. */
  @Transactional
  public ReportOut post(BatonUser actor, Draft draft) {
    long author = LearningPermissions.person(actor, "author");
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.title().isEmpty()) {
      problems.add(new FieldProblem("title", "Give it a title."));
    } else if (draft.title().length() > TextLimits.NAME) {
      problems.add(new FieldProblem("title", TextRules.tooLong(TextLimits.NAME)));
    }
    if (draft.body().isEmpty()) {
      problems.add(new FieldProblem("body", "Say what you learned."));
    } else if (draft.body().length() > MAX_BODY) {
      problems.add(new FieldProblem("body", TextRules.tooLong(TextLimits.ANY)));
    }
    if (draft.tags().size() > MAX_TAGS) {
      problems.add(new FieldProblem("tags", "Use at most 10 tags."));
    }
    draft.tags().stream()
        .filter(t -> !TAG.matcher(t).matches())
        .findFirst()
        .ifPresent(
            t ->
                problems.add(
                    new FieldProblem(
                        "tags", "A tag is one word (letters, digits, dashes), such as customer.")));
    Set<Long> teams = new LinkedHashSet<>(directory.teams().stream().map(Team::id).toList());
    draft.teamIds().stream()
        .filter(t -> !teams.contains(t))
        .forEach(t -> problems.add(new FieldProblem("teamIds", "There is no team " + t + ".")));
    Long roundStarter = null;
    if (draft.roundId() != null) {
      roundStarter = store.roundStarter(draft.roundId()).orElse(null);
      if (roundStarter == null) {
        problems.add(new FieldProblem("roundId", "There is no round " + draft.roundId() + "."));
      }
    }
    InvalidInputException.throwIfAny(problems);
    long id = store.insert(author, draft, clock.instant());
    events.publishEvent(
        new LearningChanged(
            LearningChanged.Kind.REPORT_OUT_POSTED,
            LearningKind.REPORT_OUT,
            id,
            draft.roundId(),
            author,
            roundStarter == null ? List.of() : List.of(roundStarter)));
    return find(actor, id);
  }

  /** A report-out with its comments; every person (and admin) may read one. */
  @Transactional(readOnly = true)
  public ReportOut find(BatonUser actor, long id) {
    return load(List.of(id)).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No report-out " + id + "."));
  }

  /** The newest report-outs, newest first. */
  @Transactional(readOnly = true)
  public List<ReportOut> recent(BatonUser actor, int limit) {
    return load(store.newest(Math.max(1, Math.min(limit, 100))));
  }

  List<ReportOut> load(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<ReportOutStore.Row> rows = store.load(ids);
    Map<Long, List<ReportOut.Comment>> comments =
        responses.comments(
            LearningKind.REPORT_OUT, rows.stream().map(ReportOutStore.Row::id).toList());
    Map<Long, String> names =
        directory.names(rows.stream().map(ReportOutStore.Row::author).toList());
    Map<Long, ReportOut> byId = new java.util.HashMap<>();
    for (ReportOutStore.Row r : rows) {
      byId.put(
          r.id(),
          new ReportOut(
              r.id(),
              r.author(),
              names.get(r.author()),
              r.title(),
              r.body(),
              r.tags(),
              r.teams(),
              r.round(),
              r.at(),
              r.helped(),
              comments.getOrDefault(r.id(), List.of())));
    }
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /** A team leader asks their team for report-outs by a date; the team's members are told. */
  @Transactional
  public Round startRound(BatonUser actor, Long teamId, String title, LocalDate due) {
    long leader = LearningPermissions.person(actor, "team");
    List<FieldProblem> problems = new ArrayList<>();
    String what = title == null ? "" : title.strip();
    Organisation organisation = directory.organisation();
    if (teamId == null) {
      problems.add(new FieldProblem("teamId", "Choose the team you ask."));
    } else if (!organisation.teamsLedBy(leader).contains(teamId)) {
      problems.add(new FieldProblem("teamId", "Only the team's leader starts a round for it."));
    }
    if (what.isEmpty()) {
      problems.add(new FieldProblem("title", "Say what each of you should do."));
    } else if (what.length() > TextLimits.NAME) {
      problems.add(new FieldProblem("title", TextRules.tooLong(TextLimits.NAME)));
    }
    if (due == null) {
      problems.add(new FieldProblem("due", "Give a date to post by."));
    } else if (due.isBefore(today())) {
      problems.add(new FieldProblem("due", "The date is in the past."));
    }
    InvalidInputException.throwIfAny(problems);
    long id = store.startRound(teamId, leader, what, due, clock.instant());
    events.publishEvent(
        new LearningChanged(
            LearningChanged.Kind.ROUND_STARTED,
            null,
            null,
            id,
            leader,
            organisation.activeMembersOf(teamId).stream().map(Organisation.Member::id).toList()));
    return round(actor, id);
  }

  /** A round, its posts and whom it still waits for; every person may see one. */
  @Transactional(readOnly = true)
  public Round round(BatonUser actor, long id) {
    ReportOutStore.RoundRow raw =
        store.round(id).orElseThrow(() -> new NotFoundException("No report-out round " + id + "."));
    List<ReportOut> posts = load(store.postedIn(id));
    Set<Long> posted = new LinkedHashSet<>(posts.stream().map(ReportOut::authorId).toList());
    Organisation organisation = directory.organisation();
    List<Organisation.Member> waitingMembers =
        organisation.activeMembersOf(raw.team()).stream()
            .filter(m -> !posted.contains(m.id()) && m.id() != raw.starter())
            .toList();
    List<String> waiting = waitingMembers.stream().map(Organisation.Member::name).toList();
    return new Round(
        id,
        raw.team(),
        directory.team(raw.team()).name(),
        raw.starter(),
        directory.names(List.of(raw.starter())).get(raw.starter()),
        raw.title(),
        raw.due(),
        raw.due().isBefore(today()) && !waiting.isEmpty(),
        posts,
        waiting,
        waitingMembers.stream().map(Organisation.Member::id).toList());
  }

  /** The open rounds that still wait for this person's report-out, soonest due first. */
  @Transactional(readOnly = true)
  public List<Round> owedBy(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    return roundsFor(actor).stream()
        .filter(r -> r.waitingForIds().contains(actor.personId()))
        .sorted(java.util.Comparator.comparing(Round::due))
        .toList();
  }

  /** The newest rounds of the teams a person is in (their team and those above it). */
  @Transactional(readOnly = true)
  public List<Round> roundsFor(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    List<Long> teams = directory.organisation().teamPath(actor.personId());
    List<Long> ledTeams = directory.organisation().teamsLedBy(actor.personId());
    Set<Long> mine = new LinkedHashSet<>(teams);
    mine.addAll(ledTeams);
    return store.roundsOf(mine.toArray(Long[]::new), today().minusDays(7)).stream()
        .map(id -> round(actor, id))
        .toList();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
