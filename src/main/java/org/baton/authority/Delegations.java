package org.baton.authority;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person lends part of their own authority to someone else for a while. */
@Service
public class Delegations {

  /** A delegation with the names a page shows. */
  public record DelegationView(
      long id,
      CheckResult.PersonRef from,
      CheckResult.PersonRef to,
      String decisionType,
      Money limit,
      Instant validFrom,
      Instant validUntil,
      boolean revoked,
      String reason) {}

  private final AuthorityRepository repository;
  private final CurrentPolicy currentPolicy;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Delegations(
      AuthorityRepository repository,
      CurrentPolicy currentPolicy,
      ApplicationEventPublisher events,
      Clock clock) {
    this.clock = clock;
    this.repository = repository;
    this.currentPolicy = currentPolicy;
    this.events = events;
  }

  /**
   * Delegates from the acting person. One cannot delegate more than one holds: the limit must be
   * within what the delegator's own rules give for this type today.
   */
  @Transactional
  public DelegationView delegate(
      BatonUser actor,
      long toPersonId,
      String decisionType,
      Money limit,
      Instant validFrom,
      Instant validUntil,
      String reason) {
    actor.requirePerson("from", "only people hold authority to delegate.");
    CurrentPolicy.Snapshot snapshot = currentPolicy.get();
    if (snapshot.types().get(decisionType) == null) {
      throw new InvalidInputException("decisionType", "There is no decision type with this code.");
    }
    if (snapshot.organisation().member(toPersonId).filter(m -> m.active()).isEmpty()) {
      throw new InvalidInputException("to", "Choose an active person to delegate to.");
    }
    if (toPersonId == actor.personId()) {
      throw new InvalidInputException("to", "You cannot delegate to yourself.");
    }
    Instant from = validFrom == null ? clock.instant() : validFrom;
    if (validUntil == null || !validUntil.isAfter(from)) {
      throw new InvalidInputException("validUntil", "Give an end after the start.");
    }
    if (!validUntil.isAfter(clock.instant())) {
      throw new InvalidInputException("validUntil", "The end is in the past.");
    }
    Money held = heldBy(snapshot, actor.personId(), decisionType, limit.currency());
    if (held == null) {
      throw new InvalidInputException(
          "limit",
          "You hold no authority for "
              + name(snapshot, decisionType)
              + " in "
              + limit.currency()
              + ".");
    }
    if (limit.compareTo(held) > 0) {
      throw new InvalidInputException(
          "limit",
          "You hold at most "
              + held
              + " for "
              + name(snapshot, decisionType)
              + "; delegate no more.");
    }
    Delegation delegation =
        new Delegation(
            0,
            actor.personId(),
            toPersonId,
            new DecisionTypeCode(decisionType),
            limit,
            from,
            validUntil,
            false);
    long id = repository.insertDelegation(delegation, reason == null ? "" : reason.strip());
    events.publishEvent(new AuthorityChanged());
    return view(repository.delegation(id).orElseThrow(), snapshot);
  }

  /** The delegator, the delegate or an admin may end a delegation early. */
  @Transactional
  public DelegationView revoke(BatonUser actor, long id) {
    Delegation delegation =
        repository
            .delegation(id)
            .orElseThrow(() -> new NotFoundException("No delegation " + id + "."));
    AuthorityAccess.end(actor, delegation);
    repository.revokeDelegation(id, clock.instant());
    events.publishEvent(new AuthorityChanged());
    return view(repository.delegation(id).orElseThrow(), currentPolicy.get());
  }

  public List<DelegationView> involving(long personId) {
    CurrentPolicy.Snapshot snapshot = currentPolicy.get();
    List<Delegation> found = repository.delegationsInvolving(personId);
    Map<Long, String> reasons =
        repository.delegationReasons(found.stream().map(Delegation::id).toList());
    return found.stream().map(d -> view(d, snapshot, reasons.getOrDefault(d.id(), ""))).toList();
  }

  private Money heldBy(
      CurrentPolicy.Snapshot snapshot, long personId, String type, String currency) {
    LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    Optional<Grant> widest =
        snapshot
            .policy()
            .ruleGrants(snapshot.position(personId), new DecisionTypeCode(type), Map.of(), today)
            .stream()
            .filter(g -> g.limit() == null || g.limit().currency().equals(currency))
            .max(Comparator.comparing(g -> g.limit() == null ? Money.MAX : g.limit().value()));
    return widest
        .map(g -> g.limit() == null ? new Money(Money.MAX, currency) : g.limit())
        .orElse(null);
  }

  private DelegationView view(Delegation d, CurrentPolicy.Snapshot snapshot) {
    return view(
        d, snapshot, repository.delegationReasons(List.of(d.id())).getOrDefault(d.id(), ""));
  }

  private static DelegationView view(Delegation d, CurrentPolicy.Snapshot snapshot, String reason) {
    return new DelegationView(
        d.id(),
        Authority.ref(snapshot.organisation(), d.fromPersonId(), d.fromPersonId()),
        Authority.ref(snapshot.organisation(), d.toPersonId(), d.toPersonId()),
        d.type().value(),
        d.limit(),
        d.validFrom(),
        d.validUntil(),
        d.revoked(),
        reason);
  }

  /** The kind of decision's name, as the person chose it (the code only for an unknown one). */
  private static String name(CurrentPolicy.Snapshot snapshot, String code) {
    DecisionType type = snapshot.types().get(code);
    return type == null ? code : type.name();
  }
}
