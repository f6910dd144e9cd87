package org.baton.roles;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.identity.BatonUser;
import org.baton.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether someone is open to roles, what interests them and how many hours they have: their role
 * profile, and the open roles that match it (on their home, and told when one opens).
 */
@Service
public class RoleProfiles {

  private final RolesStore store;
  private final RolesPermissions permissions;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RoleProfiles(
      RolesStore store,
      RolesPermissions permissions,
      Directory directory,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.permissions = permissions;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public RoleProfile profile(long personId) {
    return store
        .profile(personId)
        .orElseGet(
            () ->
                new RoleProfile(personId, false, List.of(), null, store.hoursCommitted(personId)));
  }

  @Transactional
  public RoleProfile saveProfile(BatonUser actor, RoleDrafts.ProfileDraft draft) {
    long me = permissions.requirePerson(actor);
    RoleRules.checkProfile(draft);
    List<String> interests =
        draft.interests().stream().map(String::strip).filter(i -> !i.isEmpty()).distinct().toList();
    store.saveProfile(me, draft.openToRoles(), interests, draft.hoursAvailable(), clock.instant());
    return profile(me);
  }

  /**
   * The open roles that match someone who said they are open to roles (by their interests or
   * perspectives), newest first, at most 20: what their home shows. Nobody else is matched.
   */
  @Transactional(readOnly = true)
  public List<Role> openRolesMatching(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    RoleProfile profile = profile(actor.personId());
    if (!profile.openToRoles()) {
      return List.of();
    }
    Organisation org = directory.organisation();
    return store.roles(true, 100, 0).stream()
        .filter(role -> matches(profile, role, org))
        .limit(20)
        .toList();
  }

  /** Whether a person open to roles would want to hear of this one. */
  private static boolean matches(RoleProfile profile, Role role, Organisation org) {
    return RoleSuggestions.interestsMeet(profile.interests(), RoleSuggestions.about(role))
        || org.member(profile.personId())
            .map(m -> m.perspectives().stream().anyMatch(role.perspectives()::contains))
            .orElse(false);
  }

  /** People open to roles whose interests or perspectives meet the role hear that it opened. */
  void tellMatchingPeople(Role role, Long actorPersonId) {
    Organisation org = directory.organisation();
    List<Long> told =
        store.openToRoles().stream()
            .filter(p -> matches(p, role, org))
            .map(RoleProfile::personId)
            .toList();
    if (!told.isEmpty()) {
      events.publishEvent(
          new RolesChanged(RolesChanged.Kind.OPENED, role.id(), null, actorPersonId, told));
    }
  }

  /** The roles a person holds now, for their page. */
  @Transactional(readOnly = true)
  public List<Roles.HeldRole> heldBy(long personId) {
    List<RoleHolder> holdings = store.holdingsOf(personId);
    var roles =
        store.roles(holdings.stream().map(RoleHolder::roleId).toList()).stream()
            .collect(Collectors.toMap(Role::id, r -> r));
    return holdings.stream()
        .filter(h -> roles.containsKey(h.roleId()))
        .map(
            h ->
                new Roles.HeldRole(
                    h,
                    roles.get(h.roleId()),
                    store
                        .circle(roles.get(h.roleId()).circleId())
                        .orElseThrow(
                            () -> new NotFoundException("No circle of role " + h.roleId() + "."))))
        .toList();
  }
}
