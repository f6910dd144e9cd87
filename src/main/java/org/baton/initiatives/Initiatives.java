package org.baton.initiatives;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.directory.Team;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.KeyedPage;
import org.baton.platform.NotFoundException;
import org.baton.platform.PageKey;
import org.baton.platform.PageOf;
import org.baton.platform.TextLimits;
import org.baton.strategy.Dialogues;
import org.baton.strategy.Strategy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
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
      Clock clock) {
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
    long me = person(actor);
    List<FieldProblem> problems = new ArrayList<>();
    String cleanTitle = title == null ? "" : title.strip();
    if (cleanTitle.isEmpty()) {
      problems.add(new FieldProblem("title", "Say in a few words what you spotted."));
    } else if (cleanTitle.length() > 200) {
      problems.add(new FieldProblem("title", "Keep the title under 200 characters."));
    }
    if (description != null && description.length() > TextLimits.ANY) {
      problems.add(new FieldProblem("description", "Keep it under 10,000 characters."));
    }
    if (location != null && location.strip().length() > TextLimits.NAME) {
      problems.add(new FieldProblem("location", "Keep the place under 200 characters."));
    }
    List<Long> teams = teamIds == null ? List.of() : teamIds.stream().distinct().toList();
    Set<Long> known = new java.util.HashSet<>(directory.teams().stream().map(Team::id).toList());
    if (!known.containsAll(teams)) {
      problems.add(new FieldProblem("teamIds", "Choose existing teams."));
    }
    if (priorityId != null && !strategy.isCurrentPriority(priorityId)) {
      problems.add(new FieldProblem("priorityId", "Choose one of the current priorities."));
    }
    if (contributionId != null && dialogues.adopted(contributionId).isEmpty()) {
      problems.add(
          new FieldProblem("contributionId", "Only an adopted contribution is carried out."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    long id =
        repository.insert(
            cleanTitle,
            description == null ? "" : description.strip(),
            location == null ? "" : location.strip(),
            decisionType == null || decisionType.isBlank() ? null : decisionType.strip(),
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
    InitiativesPermissions.PickUpFacts facts = pickUpFacts(person, initiative);
    return new View(
        initiative,
        names,
        teams,
        timeline,
        facts.unattended(),
        InitiativesPermissions.answers(person, initiative, facts));
  }

  /** The facts the pick-up rule needs, loaded once for the service and the page alike. */
  InitiativesPermissions.PickUpFacts pickUpFacts(Long person, Initiative initiative) {
    java.util.Optional<Person> leader = directory.findPerson(initiative.leaderId());
    boolean leaderActive = leader.map(Person::active).orElse(false);
    boolean ledTheLeaver =
        person != null
            && leader
                .filter(l -> !l.active())
                .flatMap(directory::leaderOf)
                .map(leaderOfLeader -> leaderOfLeader.id() == person)
                .orElse(false);
    boolean leadsAffectedTeam =
        person != null
            && directory.teams().stream()
                .anyMatch(
                    t -> initiative.teamIds().contains(t.id()) && person.equals(t.leaderId()));
    return new InitiativesPermissions.PickUpFacts(
        initiative.isUnattended(leaderActive, clock.instant()), leadsAffectedTeam, ledTheLeaver);
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
    long me = person(actor);
    Initiative initiative = locked(id);
    initiative.checkJoin(me);
    repository.addSupporter(id, me);
    repository.addUpdate(id, me, "JOINED", "", null);
    repository.touch(id);
    return published(id, InitiativeChanged.Kind.SUPPORTER_JOINED, me, null, null);
  }

  /** The baton pass: the leader hands the lead on and becomes a supporter. */
  @Transactional
  public Initiative handOver(BatonUser actor, long id, String toIdOrEmail, String note) {
    long me = person(actor);
    Initiative initiative = locked(id);
    initiative.requireLeader(me); // who may, before what is asked
    Person to = directory.resolvePerson(toIdOrEmail, "to");
    initiative.checkHandOver(me, to.id(), to.active());
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
    long me = person(actor);
    Initiative initiative = locked(id);
    initiative.requireOpen();
    InitiativesPermissions.PickUpFacts facts = pickUpFacts(me, initiative);
    if (!facts.unattended()) {
      throw new AccessDeniedException("The leader is here: ask them to hand the lead over.");
    }
    if (!InitiativesPermissions.mayPickUp(me, initiative, facts)) {
      throw new AccessDeniedException(
          "Supporters, leaders of affected teams and the departed leader's own leader pick it"
              + " up.");
    }
    passLead(initiative, initiative.leaderId(), me, note);
    return published(id, InitiativeChanged.Kind.PICKED_UP, me, null, null);
  }

  @Transactional
  public Initiative changeStatus(BatonUser actor, long id, InitiativeStatus status, String note) {
    long me = person(actor);
    Initiative initiative = locked(id);
    initiative.requireLeader(me); // who may, before what is asked
    if (status == null) {
      throw new InvalidInputException("status", "Choose a status.");
    }
    initiative.checkStatusChange(me, status, note);
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
    long me = person(actor);
    Initiative initiative = locked(id);
    if (offerOfHelp && !InitiativesPermissions.mayOfferHelp(me, pickUpFacts(me, initiative))) {
      throw new AccessDeniedException("Leaders of the teams it affects offer help.");
    }
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("body", "Write something first.");
    }
    if (text.length() > 10_000) {
      throw new InvalidInputException("body", "Keep it under 10,000 characters.");
    }
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

  Initiative locked(long id) {
    return repository
        .findForUpdate(id)
        .orElseThrow(() -> new NotFoundException("No initiative " + id + "."));
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

  private static long person(BatonUser actor) {
    if (actor.personId() == null) {
      throw new InvalidInputException(
          "person", "Sign in as yourself: initiatives are led by people.");
    }
    return actor.personId();
  }
}
