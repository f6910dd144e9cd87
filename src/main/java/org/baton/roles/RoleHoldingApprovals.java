package org.baton.roles;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.AuthorityChanged;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holding a role that carries authority: a holding starts granted only when nobody's approval is
 * missing ({@link RolesPermissions#approvalsNeeded}); otherwise it is proposed (it takes its seat,
 * shows on the role, and grants nothing) until each rule's owner, or an admin, approves. Handing a
 * role on and agreeing a match after an application both start holdings here.
 */
@Component
public class RoleHoldingApprovals {

  /** An approval a holding waits for, as the role's page shows it. */
  public record Awaited(
      long holdingId, long holderPersonId, long ruleId, Long approverPersonId, String approver) {}

  private final RolesStore store;
  private final AuthorityAdministration authority;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RoleHoldingApprovals(
      RolesStore store,
      AuthorityAdministration authority,
      Directory directory,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.authority = authority;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Starts a holding in the caller's transaction: granted at once (and the authority changes when
   * it commits) when no approval is missing, else proposed, and the approvers are told.
   *
   * @return whether it was granted at once
   */
  boolean start(
      BatonUser actor,
      long roleId,
      long personId,
      BigDecimal hours,
      LocalDate until,
      String commitment,
      Long applicationId) {
    List<RolesPermissions.Approval> needed =
        RolesPermissions.approvalsNeeded(
            actor, personId, authority.ownersOfRulesHeldByRole(roleId));
    long holding =
        store.insertHolding(
            roleId,
            personId,
            hours,
            until,
            commitment,
            applicationId,
            clock.instant(),
            needed.isEmpty());
    if (needed.isEmpty()) {
      events.publishEvent(new AuthorityChanged());
      return true;
    }
    needed.forEach(a -> store.insertApproval(holding, a.ruleId(), a.approverPersonId()));
    List<Long> approvers =
        needed.stream()
            .map(RolesPermissions.Approval::approverPersonId)
            .filter(java.util.Objects::nonNull)
            .toList();
    events.publishEvent(
        new RolesChanged(
            RolesChanged.Kind.APPROVAL_ASKED, roleId, applicationId, actor.personId(), approvers));
    return false;
  }

  /**
   * An owner (or an admin) approves a proposed holding: the approvals that are theirs to give are
   * given; when none is missing any more, the holding grants the role's authority.
   */
  @Transactional
  public void approve(BatonUser actor, long roleId, long personId) {
    RoleHolder holding =
        store.holders(roleId).stream()
            .filter(h -> h.personId() == personId && !h.granted())
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Nothing waits for approval here."));
    // one approver at a time, so that the last approval always grants
    store.lockHolding(holding.id());
    refresh(holding);
    List<RolesStore.Waiting> waiting =
        store.waiting(roleId).stream().filter(w -> w.holdingId() == holding.id()).toList();
    List<RolesStore.Waiting> mine =
        waiting.stream()
            .filter(w -> RolesPermissions.mayApprove(actor, personId, w.approverPersonId()))
            .toList();
    RolesPermissions.requireAnApproval(!waiting.isEmpty(), !mine.isEmpty());
    for (RolesStore.Waiting w : mine) {
      store.approve(w.holdingId(), w.ruleId(), actor.displayName(), clock.instant());
    }
    if (store.grantIfApproved(holding.id())) {
      store.event(
          roleId,
          RoleEvent.Kind.HANDED,
          personId,
          null,
          actor.personId(),
          "Approved by the owners of the role's authority",
          clock.instant());
      events.publishEvent(new AuthorityChanged());
      events.publishEvent(
          new RolesChanged(
              RolesChanged.Kind.HANDED, roleId, null, actor.personId(), List.of(personId)));
    }
  }

  /**
   * The approvals a holding waits for, brought up to date with the role's rules as they are now: a
   * rule added since needs its owner's approval too, a rule gone needs none, and a rule that
   * changed owner waits for the new one.
   */
  private void refresh(RoleHolder holding) {
    Map<Long, Long> current = new java.util.HashMap<>();
    for (AuthorityAdministration.RoleRuleOwner rule :
        authority.ownersOfRulesHeldByRole(holding.roleId())) {
      Long owner = rule.ownerPersonId();
      current.put(rule.ruleId(), owner == null || owner == holding.personId() ? null : owner);
    }
    store.refreshApprovals(holding.id(), current);
  }

  /** The people whose proposed holdings the actor may approve (what the role page offers). */
  static java.util.Set<Long> approvableBy(BatonUser actor, List<Awaited> awaited) {
    return awaited.stream()
        .filter(w -> RolesPermissions.mayApprove(actor, w.holderPersonId(), w.approverPersonId()))
        .map(Awaited::holderPersonId)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** What each proposed holding of the role waits for, with the approvers' names. */
  List<Awaited> awaited(long roleId) {
    List<RolesStore.Waiting> waiting = store.waiting(roleId);
    List<Long> people = new ArrayList<>();
    waiting.forEach(
        w -> {
          if (w.approverPersonId() != null) {
            people.add(w.approverPersonId());
          }
        });
    Map<Long, String> names = directory.names(people);
    return waiting.stream()
        .map(
            w ->
                new Awaited(
                    w.holdingId(),
                    holderOf(roleId, w.holdingId()),
                    w.ruleId(),
                    w.approverPersonId(),
                    w.approverPersonId() == null
                        ? "an admin"
                        : names.getOrDefault(w.approverPersonId(), "the rule's owner")))
        .toList();
  }

  private long holderOf(long roleId, long holdingId) {
    return store.holders(roleId).stream()
        .filter(h -> h.id() == holdingId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("person", "No such holding."))
        .personId();
  }
}
