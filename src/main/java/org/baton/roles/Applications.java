package org.baton.roles;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.directory.Team;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying to an open role and the two-way conversation that follows: the applicant's team leader
 * answers about the time, the circle's lead and the applicant talk in a thread, one proposes a
 * match with the commitment and the other agrees (the role is then theirs, and so its authority),
 * or the lead declines with a reason, or the applicant withdraws.
 */
@Service
public class Applications {

  /** An application as its three readers see it, with what each of them may do now. */
  public record ApplicationView(
      RoleApplication application,
      Role role,
      Circle circle,
      String leadName,
      List<ApplicationMessage> messages,
      List<String> warnings,
      boolean lead,
      boolean applicant,
      boolean teamLeader) {

    /** Whether the viewer is the side that agrees to the proposed match. */
    public boolean mayAgree() {
      RoleApplication.ProposedMatch match = application.proposedMatch();
      return application.live()
          && match != null
          && (lead || applicant)
          && match.proposedBy().id()
              != (lead ? circle.leadPersonId() : application.applicant().id());
    }
  }

  private final ApplicationStore store;
  private final RolesStore roles;
  private final RolesPermissions permissions;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  private final RoleHoldingApprovals holdingApprovals;

  Applications(
      ApplicationStore store,
      RolesStore roles,
      RolesPermissions permissions,
      Directory directory,
      ApplicationEventPublisher events,
      Clock clock,
      RoleHoldingApprovals holdingApprovals) {
    this.holdingApprovals = holdingApprovals;
    this.store = store;
    this.roles = roles;
    this.permissions = permissions;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  /** Applies to an open role; the applicant's team leader is asked about the time. */
  @Transactional
  public RoleApplication apply(BatonUser actor, long roleId, RoleDrafts.ApplicationDraft draft) {
    long me = permissions.requirePerson(actor);
    Role role = roles.lockRole(roleId).orElseThrow(() -> new NotFoundException("No role."));
    if (!role.open()) {
      throw new InvalidInputException("role", "This role is not open for applications.");
    }
    if (roles.holds(roleId, me)) {
      throw new InvalidInputException("role", "You hold this role already.");
    }
    Circle circle = roles.circle(role.circleId()).orElseThrow();
    if (circle.leadPersonId() == me) {
      throw new InvalidInputException(
          "role", "You lead this circle: hand the role to yourself from the role's page.");
    }
    if (store.hasLive(roleId, me)) {
      throw new InvalidInputException("role", "You have applied to this role already.");
    }
    Set<String> perspectives = new HashSet<>();
    directory.perspectives().forEach(p -> perspectives.add(p.code()));
    RoleRules.checkApplication(draft, perspectives, LocalDate.now(clock));
    checkNetwork(draft);
    Person person = directory.person(me);
    Long teamLeader = directory.leaderOf(person).map(Person::id).orElse(null);
    long id = store.insert(roleId, me, draft, teamLeader, clock.instant());
    List<Long> told = new ArrayList<>(List.of(circle.leadPersonId()));
    if (teamLeader != null) {
      told.add(teamLeader);
    }
    events.publishEvent(new RolesChanged(RolesChanged.Kind.APPLIED, roleId, id, me, told));
    return application(store.find(id).orElseThrow());
  }

  /** An application, for its applicant, the circle's lead and the applicant's team leader only. */
  @Transactional(readOnly = true)
  public ApplicationView view(BatonUser actor, long roleId, long id) {
    ApplicationStore.Row row =
        store.find(id).filter(r -> r.roleId() == roleId).orElseThrow(Applications::notFound);
    Role role = roles.role(roleId).orElseThrow(Applications::notFound);
    Circle circle = roles.circle(role.circleId()).orElseThrow();
    RoleApplication application = application(row);
    if (!permissions.maySee(actor, application, circle)) {
      throw notFound(); // an application one may not read does not exist for them
    }
    return new ApplicationView(
        application,
        role,
        circle,
        directory.findPerson(circle.leadPersonId()).map(Person::name).orElse(""),
        store.messages(id),
        warnings(application),
        permissions.leads(actor, circle),
        permissions.isApplicant(actor, application),
        permissions.isTeamLeader(actor, application));
  }

  /**
   * A role's applications as the viewer may see them: all of them for the circle's lead, otherwise
   * only the viewer's own and those they are asked about as team leader.
   */
  @Transactional(readOnly = true)
  public List<RoleApplication> forRole(BatonUser actor, long roleId) {
    Role role = roles.role(roleId).orElseThrow(Applications::notFound);
    Circle circle = roles.circle(role.circleId()).orElseThrow();
    return applications(store.ofRole(roleId)).stream()
        .filter(a -> permissions.maySee(actor, a, circle))
        .toList();
  }

  /** How many applications wait for an answer: everyone may know the count, not who. */
  @Transactional(readOnly = true)
  public long countLive(long roleId) {
    return store.countLive(roleId);
  }

  /**
   * What waits for the viewer: applications to roles of the circles they lead (to talk and answer),
   * and those whose time they are asked to confirm as team leader; oldest first.
   */
  @Transactional(readOnly = true)
  public List<RoleApplication> waitingFor(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    long me = actor.personId();
    java.util.Map<Long, RoleApplication> waiting = new java.util.LinkedHashMap<>();
    applications(store.waitingForLead(me)).forEach(a -> waiting.put(a.id(), a));
    applications(store.involving(me)).stream()
        .filter(a -> a.state() == RoleApplication.State.APPLIED)
        .filter(a -> a.teamLeader() != null && a.teamLeader().id() == me && a.timeAnswer() == null)
        .forEach(a -> waiting.putIfAbsent(a.id(), a));
    return waiting.values().stream()
        .sorted(java.util.Comparator.comparing(RoleApplication::appliedAt))
        .toList();
  }

  /** The viewer's own applications and those waiting for them as team leader. */
  @Transactional(readOnly = true)
  public List<RoleApplication> involving(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    return applications(store.involving(actor.personId()));
  }

  @Transactional
  public ApplicationMessage message(BatonUser actor, long roleId, long id, String body) {
    ApplicationView view = view(actor, roleId, id);
    permissions.requireWrite(actor, view.application(), view.circle(), "write here");
    String text = RoleRules.required("body", body, "Write your message.");
    long messageId = store.insertMessage(id, actor.personId(), text, clock.instant());
    events.publishEvent(
        new RolesChanged(RolesChanged.Kind.MESSAGE, roleId, id, actor.personId(), parties(view)));
    return store.messages(id).stream().filter(m -> m.id() == messageId).findFirst().orElseThrow();
  }

  /** The team leader confirms the hours, adjusts them with a note, or asks to talk first. */
  @Transactional
  public ApplicationView answerTime(
      BatonUser actor, long roleId, long id, RoleDrafts.TimeDraft draft) {
    ApplicationView view = view(actor, roleId, id);
    permissions.requireTeamLeader(actor, view.application());
    if (!view.application().live()) {
      throw new InvalidInputException("answer", "This application is closed.");
    }
    RoleRules.checkTime(draft);
    BigDecimal hours =
        draft.answer() == RoleApplication.TimeAnswerKind.ADJUSTED ? draft.hoursPerWeek() : null;
    store.answerTime(
        id,
        draft.answer(),
        hours,
        draft.note() == null ? "" : draft.note().strip(),
        clock.instant());
    events.publishEvent(
        new RolesChanged(
            RolesChanged.Kind.TIME_ANSWERED,
            roleId,
            id,
            actor.personId(),
            List.of(view.application().applicant().id(), view.circle().leadPersonId())));
    return view(actor, roleId, id);
  }

  /**
   * Proposes a match, or agrees to the one the other side proposed: the role is then the
   * applicant's, with the commitment as agreed, if a seat is free.
   */
  @Transactional
  public ApplicationView match(BatonUser actor, long roleId, long id, RoleDrafts.MatchDraft draft) {
    ApplicationView view = view(actor, roleId, id);
    permissions.requireWrite(actor, view.application(), view.circle(), "agree a match");
    store.lock(id);
    view = view(actor, roleId, id);
    if (!view.application().live()) {
      throw new InvalidInputException("match", "This application is closed.");
    }
    RoleApplication.ProposedMatch proposed = view.application().proposedMatch();
    boolean agrees = view.mayAgree() && (draft.empty() || sameTerms(proposed, draft));
    if (!agrees) {
      RoleRules.checkMatch(draft, LocalDate.now(clock));
      store.propose(id, draft, actor.personId());
      events.publishEvent(
          new RolesChanged(
              RolesChanged.Kind.MATCH_PROPOSED, roleId, id, actor.personId(), parties(view)));
      return view(actor, roleId, id);
    }
    Role role = roles.lockRole(roleId).orElseThrow(Applications::notFound);
    long applicant = view.application().applicant().id();
    if (roles.holds(roleId, applicant)) {
      throw new InvalidInputException("match", "They hold this role already.");
    }
    if (roles.countHolders(roleId) >= role.seats()) {
      throw new InvalidInputException(
          "match",
          "All "
              + role.seats()
              + " seats of this role are held; a holder must leave or the lead adds a seat.");
    }
    holdingApprovals.start(
        actor,
        roleId,
        applicant,
        proposed.hoursPerWeek(),
        proposed.until(),
        proposed.commitment(),
        id);
    store.close(id, RoleApplication.State.MATCHED, "", clock.instant());
    roles.event(
        roleId,
        RoleEvent.Kind.HANDED,
        applicant,
        null,
        actor.personId(),
        "Matched after their application: " + proposed.hoursPerWeek().toPlainString() + " h a week",
        clock.instant());
    if (roles.countHolders(roleId) >= role.seats() && role.open()) {
      roles.setOpen(roleId, false);
      roles.event(
          roleId, RoleEvent.Kind.CLOSED, null, null, null, "Every seat is held.", clock.instant());
    }
    List<Long> told = new ArrayList<>(parties(view));
    if (view.application().teamLeader() != null) {
      told.add(view.application().teamLeader().id());
    }
    events.publishEvent(
        new RolesChanged(RolesChanged.Kind.MATCHED, roleId, id, actor.personId(), told));
    return view(actor, roleId, id);
  }

  /** The lead declines, with a reason the applicant sees. */
  @Transactional
  public ApplicationView decline(BatonUser actor, long roleId, long id, String reason) {
    ApplicationView view = view(actor, roleId, id);
    permissions.requireLead(actor, view.circle());
    String why = RoleRules.required("reason", reason, "Say why: the applicant will read it.");
    closeLive(id, RoleApplication.State.DECLINED, why);
    events.publishEvent(
        new RolesChanged(
            RolesChanged.Kind.DECLINED,
            roleId,
            id,
            actor.personId(),
            List.of(view.application().applicant().id())));
    return view(actor, roleId, id);
  }

  @Transactional
  public ApplicationView withdraw(BatonUser actor, long roleId, long id) {
    ApplicationView view = view(actor, roleId, id);
    permissions.requireApplicant(actor, view.application());
    closeLive(id, RoleApplication.State.WITHDRAWN, "");
    events.publishEvent(
        new RolesChanged(
            RolesChanged.Kind.WITHDRAWN,
            roleId,
            id,
            actor.personId(),
            List.of(view.circle().leadPersonId())));
    return view(actor, roleId, id);
  }

  private void closeLive(long id, RoleApplication.State state, String reason) {
    ApplicationStore.Row row = store.lock(id).orElseThrow(Applications::notFound);
    if (row.state() != RoleApplication.State.APPLIED) {
      throw new InvalidInputException("application", "This application is closed already.");
    }
    store.close(id, state, reason, clock.instant());
  }

  /**
   * What both sides should see before agreeing: more than the person can give, or than confirmed.
   */
  private List<String> warnings(RoleApplication application) {
    List<String> warnings = new ArrayList<>();
    if (!application.live()) {
      return warnings;
    }
    String applicant = application.applicant().name();
    String leader = application.teamLeader() == null ? null : application.teamLeader().name();
    if (leader != null && application.timeAnswer() == null) {
      warnings.add(leader + " has not answered about the time yet.");
    } else if (application.timeAnswer() != null
        && application.timeAnswer().answer() == RoleApplication.TimeAnswerKind.DISCUSS) {
      warnings.add(leader + " would like to talk about the time first.");
    }
    RoleApplication.ProposedMatch match = application.proposedMatch();
    if (match != null) {
      BigDecimal confirmed = application.confirmedHours();
      if (confirmed != null && match.hoursPerWeek().compareTo(confirmed) > 0) {
        warnings.add(
            "The match asks "
                + match.hoursPerWeek().toPlainString()
                + " h a week; "
                + leader
                + " confirmed "
                + confirmed.toPlainString()
                + ".");
      }
      RoleProfile profile =
          roles
              .profile(application.applicant().id())
              .orElse(
                  new RoleProfile(
                      application.applicant().id(),
                      false,
                      List.of(),
                      null,
                      roles.hoursCommitted(application.applicant().id())));
      if (profile.wouldExceed(match.hoursPerWeek())) {
        warnings.add(
            "With this match "
                + applicant
                + " would commit "
                + RoleRules.plain(profile.hoursCommitted().add(match.hoursPerWeek()))
                    .toPlainString()
                + " h a week to roles, more than the "
                + profile.hoursAvailable().toPlainString()
                + " they said they can give.");
      }
    }
    return warnings;
  }

  private static boolean sameTerms(
      RoleApplication.ProposedMatch proposed, RoleDrafts.MatchDraft draft) {
    return draft.hoursPerWeek() != null
        && draft.hoursPerWeek().compareTo(proposed.hoursPerWeek()) == 0
        && Objects.equals(draft.until(), proposed.until())
        && Objects.equals(
            draft.commitment() == null ? "" : draft.commitment().strip(), proposed.commitment());
  }

  private static List<Long> parties(ApplicationView view) {
    return List.of(view.application().applicant().id(), view.circle().leadPersonId());
  }

  private void checkNetwork(RoleDrafts.ApplicationDraft draft) {
    Map<Long, String> people = directory.names(draft.networkPeople());
    if (people.size() != new HashSet<>(draft.networkPeople()).size()) {
      throw new InvalidInputException("networkPeople", "Choose people from the directory.");
    }
    for (Long team : draft.networkTeams()) {
      if (directory.findTeam(team).isEmpty()) {
        throw new InvalidInputException("networkTeams", "Choose teams from the directory.");
      }
    }
  }

  RoleApplication application(ApplicationStore.Row row) {
    return applications(List.of(row)).get(0);
  }

  /**
   * Rows with the names of everyone they name: one query for the people however many rows, and the
   * teams from the directory's cached organisation.
   */
  private List<RoleApplication> applications(List<ApplicationStore.Row> rows) {
    Set<Long> ids = new HashSet<>();
    for (ApplicationStore.Row row : rows) {
      ids.addAll(row.networkPeople());
      ids.add(row.personId());
      if (row.teamLeaderId() != null) {
        ids.add(row.teamLeaderId());
      }
      if (row.matchProposedBy() != null) {
        ids.add(row.matchProposedBy());
      }
    }
    Map<Long, String> names = ids.isEmpty() ? Map.of() : directory.names(ids);
    org.baton.directory.TeamTree teams = directory.organisation().tree();
    return rows.stream().map(row -> application(row, names, teams)).toList();
  }

  private static RoleApplication application(
      ApplicationStore.Row row, Map<Long, String> names, org.baton.directory.TeamTree teams) {
    return new RoleApplication(
        row.id(),
        row.roleId(),
        named(row.personId(), names),
        row.passion(),
        row.perspectives(),
        row.knowledge(),
        row.networkPeople().stream().map(id -> named(id, names)).toList(),
        row.networkTeams().stream()
            .map(
                id ->
                    new RoleApplication.NamedTeam(
                        id, teams.team(id).map(Team::name).orElse("team " + id)))
            .toList(),
        row.hoursPerWeek(),
        row.until(),
        row.state(),
        row.teamLeaderId() == null ? null : named(row.teamLeaderId(), names),
        row.timeAnswer() == null
            ? null
            : new RoleApplication.TimeAnswer(
                row.timeAnswer(), row.timeHours(), row.timeNote(), row.timeAnsweredAt()),
        row.matchProposedBy() == null
            ? null
            : new RoleApplication.ProposedMatch(
                row.matchHours(),
                row.matchUntil(),
                row.matchCommitment(),
                named(row.matchProposedBy(), names)),
        row.declineReason(),
        row.appliedAt(),
        row.closedAt());
  }

  private static RoleApplication.NamedPerson named(long id, Map<Long, String> names) {
    return new RoleApplication.NamedPerson(id, names.getOrDefault(id, "person " + id));
  }

  private static NotFoundException notFound() {
    return new NotFoundException("No such application.");
  }
}
