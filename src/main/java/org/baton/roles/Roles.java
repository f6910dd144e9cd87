package org.baton.roles;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.AuthorityChanged;
import org.baton.authority.DecisionType;
import org.baton.directory.Directory;
import org.baton.directory.Perspective;
import org.baton.directory.Team;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.PageOf;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Circles and their roles, who holds each role and how it was passed on. Handing a role on or
 * leaving it changes authority at once: the same transaction publishes {@link AuthorityChanged}.
 */
@Service
public class Roles {

  /** A circle with its roles, for the circle's page and the API. */
  public record CircleView(
      Circle circle,
      String leadName,
      @io.swagger.v3.oas.annotations.media.Schema(nullable = true) String teamName,
      List<Role> roles) {}

  /**
   * A role as its page shows it: its circle, holders, history and the authority that comes with it.
   */
  public record RoleView(
      Role role,
      Circle circle,
      String leadName,
      List<RoleHolder> holders,
      List<RoleEvent> history,
      List<org.baton.authority.CheckResult.RuleRef> authority,
      List<RoleHoldingApprovals.Awaited> awaited) {

    public int freeSeats() {
      return Math.max(0, role.seats() - holders.size());
    }
  }

  /** A role someone holds, for their page. */
  public record HeldRole(RoleHolder holding, Role role, Circle circle) {}

  private final RolesStore store;
  private final ApplicationStore applications;
  private final RolesPermissions permissions;
  private final Directory directory;
  private final AuthorityAdministration authority;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final RoleHoldingApprovals holdingApprovals;
  private final RoleProfiles profiles;

  Roles(
      RolesStore store,
      ApplicationStore applications,
      RolesPermissions permissions,
      Directory directory,
      AuthorityAdministration authority,
      ApplicationEventPublisher events,
      Clock clock,
      RoleHoldingApprovals holdingApprovals,
      RoleProfiles profiles) {
    this.profiles = profiles;
    this.holdingApprovals = holdingApprovals;
    this.store = store;
    this.applications = applications;
    this.permissions = permissions;
    this.directory = directory;
    this.authority = authority;
    this.events = events;
    this.clock = clock;
  }

  // circles

  @Transactional(readOnly = true)
  public List<Circle> circles() {
    return store.circles();
  }

  @Transactional(readOnly = true)
  public Circle circle(long id) {
    return store.circle(id).orElseThrow(() -> new NotFoundException("No circle " + id + "."));
  }

  @Transactional(readOnly = true)
  public CircleView circleView(long id) {
    Circle circle = circle(id);
    return new CircleView(
        circle,
        name(circle.leadPersonId()),
        circle.teamId() == null
            ? null
            : directory.findTeam(circle.teamId()).map(Team::name).orElse(null),
        store.rolesOf(id));
  }

  /** An admin makes a circle; a team's circle is led by the team's leader unless one is named. */
  @Transactional
  public Circle createCircle(BatonUser actor, RoleDrafts.CircleDraft draft) {
    permissions.requireAdmin(actor);
    RoleRules.checkCircle(draft);
    String name = draft.name().strip();
    if (store.circleNameTaken(name)) {
      throw new InvalidInputException("name", "There is a circle with this name already.");
    }
    Long lead = draft.leadPersonId();
    if (draft.teamId() != null) {
      Team team =
          directory
              .findTeam(draft.teamId())
              .orElseThrow(() -> new InvalidInputException("teamId", "There is no such team."));
      if (lead == null) {
        lead = team.leaderId();
      }
    }
    if (lead == null) {
      throw new InvalidInputException("leadPersonId", "Name the circle's lead.");
    }
    if (directory.findPerson(lead).filter(p -> p.active()).isEmpty()) {
      throw new InvalidInputException("leadPersonId", "Choose an active person as the lead.");
    }
    long id =
        store.insertCircle(
            name,
            draft.purpose() == null ? "" : draft.purpose().strip(),
            draft.teamId(),
            lead,
            clock.instant());
    return circle(id);
  }

  // roles

  @Transactional(readOnly = true)
  public Role role(long id) {
    return store.role(id).orElseThrow(() -> new NotFoundException("No role " + id + "."));
  }

  @Transactional(readOnly = true)
  public RoleView roleView(long id) {
    Role role = role(id);
    Circle circle = circle(role.circleId());
    return new RoleView(
        role,
        circle,
        name(circle.leadPersonId()),
        store.holders(id),
        store.history(id),
        authority.rulesHeldByRole(id),
        holdingApprovals.awaited(id));
  }

  /** Roles newest first, a page at a time: the open ones, or all. */
  @Transactional(readOnly = true)
  public PageOf<Role> roles(boolean openOnly, int page, int size) {
    int p = PageOf.clampPage(page);
    int s = PageOf.clampSize(size);
    return new PageOf<>(store.roles(openOnly, s, p * s), p, s, store.countRoles(openOnly));
  }

  @Transactional
  public Role createRole(BatonUser actor, RoleDrafts.RoleDraft draft) {
    // who may make roles in the circle first: the rest of the draft is only the keeper's business
    Circle circle =
        draft.circleId() == null
            ? null
            : store
                .circle(draft.circleId())
                .orElseThrow(
                    () -> new InvalidInputException("circleId", "There is no such circle."));
    if (circle != null) {
      permissions.requireKeepRoles(actor, circle);
    }
    RoleRules.checkRole(draft, typeCodes(), perspectiveCodes());
    String name = draft.name().strip();
    if (store.roleNameTaken(circle.id(), name, -1)) {
      throw new InvalidInputException("name", "This circle has a role with this name already.");
    }
    long id = store.insertRole(draft, name, clock.instant());
    store.event(id, RoleEvent.Kind.CREATED, null, null, actor.personId(), "", clock.instant());
    if (Boolean.TRUE.equals(draft.open())) {
      store.event(id, RoleEvent.Kind.OPENED, null, null, actor.personId(), "", clock.instant());
      profiles.tellMatchingPeople(role(id), actor.personId());
    }
    events.publishEvent(new AuthorityChanged()); // the rule form offers the new role by name
    return role(id);
  }

  /** Changes what a role is; seats may not drop below the people holding it. */
  @Transactional
  public Role changeRole(BatonUser actor, long id, RoleDrafts.RoleDraft draft) {
    Role current = role(id);
    Circle circle = circle(current.circleId());
    permissions.requireKeepRoles(actor, circle);
    RoleDrafts.RoleDraft same =
        new RoleDrafts.RoleDraft(
            current.circleId(),
            draft.name(),
            draft.purpose(),
            draft.accountabilities(),
            draft.decisionTypes(),
            draft.perspectives(),
            draft.hoursPerWeek(),
            draft.seats(),
            draft.until(),
            current.open(),
            draft.whyItMatters(),
            draft.whatYouLearn());
    RoleRules.checkRole(same, typeCodes(), perspectiveCodes());
    String name = same.name().strip();
    if (store.roleNameTaken(circle.id(), name, id)) {
      throw new InvalidInputException("name", "This circle has a role with this name already.");
    }
    store.lockRole(id);
    int holders = store.countHolders(id);
    if (same.seats() < holders) {
      throw new InvalidInputException(
          "seats", holders + " people hold this role; keep at least " + holders + " seats.");
    }
    store.updateRole(id, same, name);
    store.event(id, RoleEvent.Kind.CHANGED, null, null, actor.personId(), "", clock.instant());
    events.publishEvent(new AuthorityChanged());
    return role(id);
  }

  /** Opens a role for applications, or closes it; opening tells people whose interests match. */
  @Transactional
  public Role setOpen(BatonUser actor, long id, boolean open) {
    Role role = role(id);
    permissions.requireKeepRoles(actor, circle(role.circleId()));
    if (role.open() == open) {
      return role;
    }
    store.setOpen(id, open);
    store.event(
        id,
        open ? RoleEvent.Kind.OPENED : RoleEvent.Kind.CLOSED,
        null,
        null,
        actor.personId(),
        "",
        clock.instant());
    if (open) {
      profiles.tellMatchingPeople(role(id), actor.personId());
    }
    return role(id);
  }

  /**
   * People who might fit an open role, for its circle's lead (and admins): suggestions are about
   * people, so they are not shown to everyone.
   */
  @Transactional(readOnly = true)
  public List<RoleSuggestion> suggestions(BatonUser actor, long roleId) {
    Role role = role(roleId);
    Circle circle = circle(role.circleId());
    if (!role.open() || !permissions.mayKeepRoles(actor, circle)) {
      return List.of();
    }
    Set<Long> leaveOut = new HashSet<>();
    leaveOut.add(circle.leadPersonId());
    store.holders(roleId).forEach(h -> leaveOut.add(h.personId()));
    applications.ofRole(roleId).stream()
        .filter(a -> a.state() == RoleApplication.State.APPLIED)
        .forEach(a -> leaveOut.add(a.personId()));
    return RoleSuggestions.suggest(
        role,
        circle.teamId(),
        directory.organisation(),
        store.openToRoles().stream().collect(Collectors.toMap(RoleProfile::personId, p -> p)),
        leaveOut,
        directory.perspectives().stream()
            .collect(Collectors.toMap(Perspective::code, Perspective::name, (a, b) -> a)));
  }

  // holders

  /**
   * A baton pass: the lead hands the role to someone, optionally in place of a holder (whose
   * holding ends). Their authority changes when this commits.
   */
  @Transactional
  public RoleView handTo(
      BatonUser actor, long roleId, Long toPersonId, Long fromPersonId, String note) {
    Role role = store.lockRole(roleId).orElseThrow(() -> new NotFoundException("No role."));
    Circle circle = circle(role.circleId());
    permissions.requireKeepRoles(actor, circle);
    if (toPersonId == null) {
      throw new InvalidInputException("personId", "Name the person who takes the role.");
    }
    String why = RoleRules.required("note", note, "Say why the role is handed on.");
    if (directory.findPerson(toPersonId).filter(p -> p.active()).isEmpty()) {
      throw new InvalidInputException("person", "Choose an active person.");
    }
    if (store.holds(roleId, toPersonId)) {
      throw new InvalidInputException("person", name(toPersonId) + " holds this role already.");
    }
    if (fromPersonId != null && !store.endHolding(roleId, fromPersonId, clock.instant())) {
      throw new InvalidInputException("from", name(fromPersonId) + " does not hold this role.");
    }
    if (store.countHolders(roleId) >= role.seats()) {
      throw new InvalidInputException(
          "person",
          "All "
              + role.seats()
              + " seats are held; hand it on in place of a holder, or add a seat.");
    }
    boolean granted =
        holdingApprovals.start(
            actor, roleId, toPersonId, role.hoursPerWeek(), role.until(), "", null);
    if (fromPersonId != null && !granted) {
      events.publishEvent(new AuthorityChanged()); // the one handing it on holds nothing now
    }
    store.event(
        roleId,
        RoleEvent.Kind.HANDED,
        toPersonId,
        fromPersonId,
        actor.personId(),
        granted ? why : why + " (its authority waits for approval)",
        clock.instant());
    events.publishEvent(
        new RolesChanged(
            RolesChanged.Kind.HANDED,
            roleId,
            null,
            actor.personId(),
            fromPersonId == null ? List.of(toPersonId) : List.of(toPersonId, fromPersonId)));
    return roleView(roleId);
  }

  /** A holder leaves the role, or the lead ends someone's holding; their authority goes with it. */
  @Transactional
  public RoleView leave(BatonUser actor, long roleId, long personId, String note) {
    Role role = role(roleId);
    Circle circle = circle(role.circleId());
    boolean self = actor.isPerson(personId);
    if (!self) {
      permissions.requireKeepRoles(actor, circle);
    }
    String why = RoleRules.required("note", note, "Say why the holding ends.");
    if (!store.endHolding(roleId, personId, clock.instant())) {
      throw new InvalidInputException("person", name(personId) + " does not hold this role.");
    }
    store.event(
        roleId, RoleEvent.Kind.LEFT, personId, null, actor.personId(), why, clock.instant());
    events.publishEvent(new AuthorityChanged());
    events.publishEvent(
        new RolesChanged(
            RolesChanged.Kind.LEFT,
            roleId,
            null,
            actor.personId(),
            List.of(circle.leadPersonId(), personId)));
    return roleView(roleId);
  }

  String name(long personId) {
    return directory.findPerson(personId).map(p -> p.name()).orElse("person " + personId);
  }

  private Set<String> typeCodes() {
    return authority.types().stream().map(DecisionType::code).collect(Collectors.toSet());
  }

  private Set<String> perspectiveCodes() {
    Set<String> codes = new HashSet<>();
    for (Perspective p : directory.perspectives()) {
      codes.add(p.code().toLowerCase(Locale.ROOT));
    }
    return codes;
  }
}
