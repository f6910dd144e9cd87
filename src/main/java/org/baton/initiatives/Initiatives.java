package org.baton.initiatives;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.directory.Team;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.KeyedPage;
import org.baton.platform.NotFoundException;
import org.baton.platform.PageKey;
import org.baton.platform.PageOf;
import org.baton.platform.TextRules;
import org.baton.strategy.Dialogues;
import org.baton.strategy.Strategy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spotting, leading, supporting and handing over initiatives. One transaction per action. */
@Service
public class Initiatives {

  /** An initiative with the names a page shows and its timeline. */
  @Schema(name = "InitiativeView")
  public record View(
      Initiative initiative,
      Map<Long, String> names,
      List<Team> teams,
      List<TimelineEntry> timeline,
      boolean unattended,
      InitiativesPermissions.Answers may) {}

  private final InitiativeRepository repository;
  private final Directory directory;
  private final Strategy strategy;
  private final ApplicationEventPublisher events;
  private final Dialogues dialogues;
  private final InitiativesAccess access;

  private final Clock clock;

  /** What the author of a contribution an initiative carries out hears of: how far it has come. */
  private static final Set<InitiativeChanged.Kind> CONTRIBUTOR_HEARS =
      java.util.EnumSet.of(
          InitiativeChanged.Kind.STARTED,
          InitiativeChanged.Kind.HANDED_OVER,
          InitiativeChanged.Kind.PICKED_UP,
          InitiativeChanged.Kind.STATUS_CHANGED);

  Initiatives(
      InitiativeRepository repository,
      Directory directory,
      Strategy strategy,
      Dialogues dialogues,
      ApplicationEventPublisher events,
      Clock clock,
      InitiativesAccess access) {
    this.access = access;
    this.strategy = strategy;
    this.dialogues = dialogues;
    this.clock = clock;
    this.repository = repository;
    this.directory = directory;
    this.events = events;
  }

  /** Whoever spots it leads it. */
  @Transactional
  public Initiative start(
      BatonUser actor,
      String title,
      String description,
      String location,
      String decisionType,
      List<Long> teamIds) {
    return start(actor, title, description, location, decisionType, teamIds, null);
  }

  /** Spots an initiative that names the current priority it serves (optional). */
  @Transactional // called on this object, so the one it calls adds no transaction of its own
  public Initiative start(
      BatonUser actor,
      String title,
      String description,
      String location,
      String decisionType,
      List<Long> teamIds,
      Long priorityId) {
    return start(actor, title, description, location, decisionType, teamIds, priorityId, null);
  }

  /**
   * Spots an initiative that may name the current priority it serves and the adopted contribution
   * of a dialogue round it carries out (both optional).
   */
  @Transactional
  public Initiative start(
      BatonUser actor,
      String title,
      String description,
      String location,
      String decisionType,
      List<Long> teamIds,
      Long priorityId,
      Long contributionId) {
    long me = access.person(actor);
    List<Long> teams = teamIds == null ? List.of() : teamIds.stream().distinct().toList();
    Set<Long> known = new HashSet<>();
    directory.teams().forEach(t -> known.add(t.id()));
    InvalidInputException.throwIfAny(
        InitiativeRules.start(
            title,
            description,
            location,
            teams,
            priorityId,
            contributionId,
            new InitiativeRules.Known(
                known,
                strategy::isCurrentPriority,
                contribution -> dialogues.adopted(contribution).isPresent())));
    long id =
        repository.insert(
            title.strip(),
            TextRules.orEmpty(description),
            TextRules.orEmpty(location),
            TextRules.orNull(decisionType),
            me,
            priorityId,
            contributionId);
    repository.addTeams(id, teams);
    repository.addUpdate(id, me, "STARTED", "", null);
    Initiative initiative = repository.find(id).orElseThrow();
    publish(initiative, InitiativeChanged.Kind.STARTED, me, null, null);
    return initiative;
  }

  public View view(BatonUser viewer, long id) {
    Initiative initiative = find(id);
    List<InitiativeRepository.RawUpdate> raw = repository.updates(id);
    Set<Long> people = new LinkedHashSet<>();
    people.add(initiative.leaderId());
    people.addAll(initiative.supporterIds());
    raw.forEach(
        u -> {
          people.add(u.authorId());
          if (u.newLeaderId() != null) {
            people.add(u.newLeaderId());
          }
        });
    Map<Long, String> names = directory.names(people);
    List<TimelineEntry> timeline =
        raw.stream()
            .map(
                u ->
                    new TimelineEntry(
                        u.id(),
                        u.authorId(),
                        names.get(u.authorId()),
                        u.kind(),
                        u.body(),
                        u.newLeaderId(),
                        u.newLeaderId() == null ? null : names.get(u.newLeaderId()),
                        u.link(),
                        u.at()))
            .toList();
    List<Team> teams =
        directory.teams().stream().filter(t -> initiative.teamIds().contains(t.id())).toList();
    Long person = viewer.personId();
    InitiativesPermissions.PickUpFacts facts = access.pickUpFacts(person, initiative);
    return new View(
        initiative,
        names,
        teams,
        timeline,
        facts.unattended(),
        InitiativesPermissions.answers(person, initiative, facts));
  }

  public Initiative find(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> new NotFoundException("No initiative " + id + "."));
  }

  /**
   * @param scope mine (lead or support), team (touching my team), or all
   */
  public KeyedPage<Initiative> list(
      BatonUser actor,
      String scope,
      InitiativeStatus status,
      Integer stalledDays,
      String after,
      int size) {
    Long mine = "mine".equals(scope) ? actor.personId() == null ? -1L : actor.personId() : null;
    List<Long> teams = null;
    if ("team".equals(scope)) {
      teams = actor.personId() == null ? List.of() : teamsOf(actor.personId());
    }
    return repository.list(
        new InitiativeRepository.Filter(
            mine,
            teams,
            status,
            stalledDays == null
                ? null
                : clock.instant().minus(java.time.Duration.ofDays(stalledDays))),
        PageKey.parse(after, 2),
        PageOf.clampSize(size));
  }

  /**
   * Initiatives spotted since then, newest first, at most {@code limit}: what a digest tells a team
   * happened (initiatives are open to every member).
   */
  @Transactional(readOnly = true)
  public List<Initiative> startedSince(Instant since, int limit) {
    return repository.startedSince(since, limit);
  }

  @Transactional
  public Initiative join(BatonUser actor, long id) {
    long me = access.person(actor);
    Initiative initiative = access.locked(id);
    InvalidInputException.throwIfAny(InitiativeRules.join(initiative, me));
    repository.addSupporter(id, me);
    repository.addUpdate(id, me, "JOINED", "", null);
    repository.touch(id);
    return published(id, InitiativeChanged.Kind.SUPPORTER_JOINED, me, null, null);
  }

  /** The baton pass: the leader hands the lead on and becomes a supporter. */
  @Transactional
  public Initiative handOver(BatonUser actor, long id, String toIdOrEmail, String note) {
    long me = access.person(actor);
    Initiative initiative = access.locked(id);
    access.leader(me, initiative); // who may, before what is asked
    Person to = directory.resolvePerson(toIdOrEmail, "to");
    InvalidInputException.throwIfAny(InitiativeRules.handOver(initiative, to.id(), to.active()));
    passLead(initiative, me, to.id(), note);
    return published(id, InitiativeChanged.Kind.HANDED_OVER, me, to.id(), null);
  }

  /**
   * Picking up an unattended initiative (its leader left, or it has been silent for 30 days): a
   * supporter or the leader of an affected team may take the lead, and, when the leader left, the
   * leader's own leader.
   */
  @Transactional
  public Initiative pickUp(BatonUser actor, long id, String note) {
    long me = access.person(actor);
    Initiative initiative = access.locked(id);
    InvalidInputException.throwIfAny(InitiativeRules.open(initiative));
    access.pickUp(me, initiative, access.pickUpFacts(me, initiative));
    passLead(initiative, initiative.leaderId(), me, note);
    return published(id, InitiativeChanged.Kind.PICKED_UP, me, null, null);
  }

  @Transactional
  public Initiative changeStatus(BatonUser actor, long id, InitiativeStatus status, String note) {
    long me = access.person(actor);
    Initiative initiative = access.locked(id);
    access.leader(me, initiative); // who may, before what is asked
    InvalidInputException.throwIfAny(InitiativeRules.statusChange(initiative, status, note));
    repository.setStatus(id, status, status.isFinal() ? note.strip() : null);
    repository.addUpdate(
        id,
        me,
        "STATUS",
        status.label() + (note == null || note.isBlank() ? "" : ": " + note.strip()),
        null);
    return published(id, InitiativeChanged.Kind.STATUS_CHANGED, me, null, status);
  }

  /** Anyone comments; the leader of an affected team may offer help, as a facilitator. */
  @Transactional
  public Initiative comment(BatonUser actor, long id, String body, boolean offerOfHelp) {
    long me = access.person(actor);
    Initiative initiative = access.locked(id);
    if (offerOfHelp) {
      access.offerHelp(me, access.pickUpFacts(me, initiative));
    }
    InvalidInputException.throwIfAny(InitiativeRules.comment(body));
    String text = body.strip();
    repository.addUpdate(id, me, offerOfHelp ? "OFFER_OF_HELP" : "COMMENT", text, null);
    repository.touch(id);
    return published(
        id,
        offerOfHelp ? InitiativeChanged.Kind.HELP_OFFERED : InitiativeChanged.Kind.COMMENTED,
        me,
        null,
        null);
  }

  private void passLead(Initiative initiative, long from, long to, String note) {
    repository.setLeader(initiative.id(), to);
    repository.removeSupporter(initiative.id(), to);
    if (directory.findPerson(from).map(Person::active).orElse(false)) {
      repository.addSupporter(initiative.id(), from);
    }
    repository.addUpdate(initiative.id(), from, "HANDOVER", note == null ? "" : note.strip(), to);
  }

  /**
   * Someone left: each open initiative they led is offered, with one tap on its page, to its
   * supporters and to the leader's own leader, who are told.
   */
  @Transactional
  void offerLeadOf(long leftPersonId) {
    Long leaderOfLeaver =
        directory
            .findPerson(leftPersonId)
            .flatMap(directory::leaderOf)
            .map(Person::id)
            .orElse(null);
    for (long id : repository.openLedBy(leftPersonId)) {
      Initiative initiative = repository.find(id).orElseThrow();
      List<Long> also = leaderOfLeaver == null ? List.of() : List.of(leaderOfLeaver);
      publish(
          initiative, InitiativeChanged.Kind.LEADER_LEFT, leftPersonId, leaderOfLeaver, null, also);
    }
  }

  Initiative published(
      long id, InitiativeChanged.Kind kind, long actor, Long other, InitiativeStatus status) {
    Initiative initiative = repository.find(id).orElseThrow();
    publish(initiative, kind, actor, other, status);
    return initiative;
  }

  private void publish(
      Initiative initiative,
      InitiativeChanged.Kind kind,
      long actor,
      Long other,
      InitiativeStatus status) {
    publish(initiative, kind, actor, other, status, List.of());
  }

  private void publish(
      Initiative initiative,
      InitiativeChanged.Kind kind,
      long actor,
      Long other,
      InitiativeStatus status,
      List<Long> also) {
    List<Long> audience = new ArrayList<>(also);
    if (initiative.contributionId() != null && CONTRIBUTOR_HEARS.contains(kind)) {
      // Whoever contributed what it carries out hears how it goes, not every comment.
      dialogues
          .adopted(initiative.contributionId())
          .ifPresent(contribution -> audience.add(contribution.authorId()));
    }
    audience.add(initiative.leaderId());
    audience.addAll(initiative.supporterIds());
    directory.teams().stream()
        .filter(t -> initiative.teamIds().contains(t.id()) && t.leaderId() != null)
        .forEach(t -> audience.add(t.leaderId()));
    events.publishEvent(
        new InitiativeChanged(
            initiative.id(),
            kind,
            actor,
            other,
            status,
            audience.stream().distinct().toList(),
            clock.instant()));
  }

  private List<Long> teamsOf(long personId) {
    List<Long> teams = new ArrayList<>();
    directory.findPerson(personId).map(Person::teamId).ifPresent(teams::add);
    directory.teams().stream()
        .filter(t -> Long.valueOf(personId).equals(t.leaderId()))
        .forEach(t -> teams.add(t.id()));
    return teams;
  }
}
