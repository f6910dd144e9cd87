package org.baton.authority;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baton.directory.Directory;
import org.baton.directory.DirectoryChanged;
import org.baton.directory.Organisation;
import org.baton.platform.ServerSignals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The policy and the organisation as the check sees them, loaded once and kept until a change to
 * authority or to the directory commits. Checks never touch the database.
 */
@Component
class CurrentPolicy {

  /** One consistent view: the policy, the organisation, every decision type and role holder. */
  record Snapshot(
      AuthorityPolicy policy,
      Organisation organisation,
      Map<String, DecisionType> types,
      Map<Long, Map<Long, java.time.LocalDate>> rolesByPerson,
      Map<Long, String> roleNames,
      Map<Long, PersonPosition> positions) {

    /** The people holding a role (whatever the term says today). */
    java.util.List<Long> holdersOfRole(long roleId) {
      return rolesByPerson.entrySet().stream()
          .filter(e -> e.getValue().containsKey(roleId))
          .map(Map.Entry::getKey)
          .sorted()
          .toList();
    }

    PersonPosition position(long personId) {
      return positions.computeIfAbsent(
          personId,
          id ->
              organisation
                  .member(id)
                  .map(
                      m ->
                          new PersonPosition(
                              id,
                              m.active(),
                              m.teamId(),
                              organisation.teamPath(id),
                              organisation.teamsLedBy(id),
                              rolesByPerson.getOrDefault(id, Map.of())))
                  .orElse(null));
    }
  }

  private final AuthorityRepository repository;
  private final Directory directory;
  private volatile Snapshot snapshot;
  private final java.util.concurrent.atomic.AtomicLong changes =
      new java.util.concurrent.atomic.AtomicLong();

  private final ServerSignals signals;
  private final org.springframework.beans.factory.ObjectProvider<RoleHoldings> roleHoldings;

  private final java.time.Clock clock;

  CurrentPolicy(
      AuthorityRepository repository,
      Directory directory,
      ServerSignals signals,
      org.springframework.beans.factory.ObjectProvider<RoleHoldings> roleHoldings,
      java.time.Clock clock) {
    this.clock = clock;
    this.repository = repository;
    this.directory = directory;
    this.signals = signals;
    this.roleHoldings = roleHoldings;
    // a change on another server: drop this server's snapshot too
    signals.onAnnounced(AuthorityChanged.SIGNAL, message -> drop());
    signals.onAnnounced(DirectoryChanged.SIGNAL, message -> drop());
  }

  Snapshot get() {
    Snapshot current = snapshot;
    if (current == null) {
      synchronized (this) {
        current = snapshot;
        if (current == null) {
          long version = changes.get();
          current = load();
          if (changes.get() == version) { // else a change committed while loading: don't keep it
            snapshot = current;
          }
        }
      }
    }
    return current;
  }

  private Snapshot load() {
    AuthorityPolicy policy =
        new AuthorityPolicy(
            repository.currentRules().stream().map(AuthorityRepository.RuleVersion::rule).toList(),
            repository.activeDelegations(clock.instant()));
    Map<String, DecisionType> types =
        repository.types().stream()
            .collect(Collectors.toMap(DecisionType::code, Function.identity()));
    RoleHoldings roles = roleHoldings.getIfAvailable(() -> RoleHoldings.NONE);
    Map<Long, Map<Long, java.time.LocalDate>> rolesByPerson = new java.util.HashMap<>();
    for (RoleHoldings.Holding holding : roles.current()) {
      rolesByPerson
          .computeIfAbsent(holding.personId(), id -> new java.util.HashMap<>())
          .put(holding.roleId(), holding.until());
    }
    return new Snapshot(
        policy,
        directory.organisation(),
        types,
        rolesByPerson,
        Map.copyOf(roles.roleNames()),
        new ConcurrentHashMap<>());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(AuthorityChanged event) {
    drop();
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(DirectoryChanged event) {
    drop();
  }

  /** In the changing transaction: the other servers hear of it only if it commits. */
  @EventListener
  void tellTheOtherServers(AuthorityChanged event) {
    signals.announce(AuthorityChanged.SIGNAL, "");
  }

  private void drop() {
    changes.incrementAndGet();
    snapshot = null;
  }
}
