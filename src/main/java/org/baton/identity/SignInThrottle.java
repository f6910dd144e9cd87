package org.baton.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a stranger lock somebody out.
 *
 * <ul>
 *   <li>One account from one address: after {@value #MAX_PER_ACCOUNT_AND_ADDRESS} failures within
 *       the window, that address may not try that account again until the window has passed. A
 *       stranger locks only themselves out, never the owner signing in from elsewhere.
 *   <li>One address, any accounts: after {@value #MAX_PER_ADDRESS} failures within the window, that
 *       address may not sign in at all until the window has passed.
 *   <li>One account from many addresses (a distributed guess): from {@value #FREE_PER_ACCOUNT}
 *       failures within the window on, each attempt must wait a delay after the last failure that
 *       doubles with every further failure, up to {@link #MAX_DELAY}. The owner is at most that
 *       long from signing in, however many strangers keep failing.
 * </ul>
 *
 * Wrong sign-in links (invitations, password resets) are counted per address only: after {@value
 * #MAX_WRONG_LINKS_PER_ADDRESS} within the window, that address may not use a link until the window
 * has passed. Never one count for everyone, so nobody can lock everyone out of their links.
 *
 * <p>Names are keyed as sign-in reads them ({@link Accounts#signInName}), so a name that signs in
 * to an account always counts against that account. Kept in memory: a restart forgets, which only
 * helps the owner.
 */
@Component
class SignInThrottle {

  static final int MAX_PER_ACCOUNT_AND_ADDRESS = 5;
  static final int MAX_PER_ADDRESS = 50;
  static final int FREE_PER_ACCOUNT = 10;
  static final int MAX_WRONG_LINKS_PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration MAX_DELAY = Duration.ofSeconds(60);
  private static final int MAX_KEYS = 10_000;

  /** Why an attempt is refused now, and until when. */
  record Refusal(Instant until) {}

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether an attempt to sign in to {@code username} from {@code address} is refused now. */
  Optional<Refusal> refusal(String username, String address) {
    Instant now = clock.instant();
    String account = accountKey(username);
    if (count(pairKey(account, address)) >= MAX_PER_ACCOUNT_AND_ADDRESS) {
      return Optional.of(new Refusal(oldest(pairKey(account, address)).plus(WINDOW)));
    }
    if (count(addressKey(address)) >= MAX_PER_ADDRESS) {
      return Optional.of(new Refusal(oldest(addressKey(address)).plus(WINDOW)));
    }
    int onAccount = count(account);
    if (onAccount >= FREE_PER_ACCOUNT) {
      Instant until = newest(account).plus(delayAfter(onAccount));
      if (now.isBefore(until)) {
        return Optional.of(new Refusal(until));
      }
    }
    return Optional.empty();
  }

  boolean isBlocked(String username, String address) {
    return refusal(username, address).isPresent();
  }

  void recordFailure(String username, String address) {
    String account = accountKey(username);
    add(account);
    add(pairKey(account, address));
    add(addressKey(address));
  }

  /** Whether this address has tried too many wrong sign-in links within the window. */
  boolean wrongLinksBlocked(String address) {
    return count(linkAddressKey(address)) >= MAX_WRONG_LINKS_PER_ADDRESS;
  }

  void recordWrongLink(String address) {
    add(linkAddressKey(address));
  }

  /** The owner got in: the account's failures (from anywhere) no longer count. */
  void recordSuccess(String username, String address) {
    String account = accountKey(username);
    failures.remove(account);
    failures.remove(pairKey(account, address));
  }

  /**
   * 1 s at the first counted failure, doubling with each further one, at most {@link #MAX_DELAY}.
   */
  static Duration delayAfter(int failuresOnAccount) {
    int doublings = Math.min(failuresOnAccount - FREE_PER_ACCOUNT, 16);
    Duration delay = Duration.ofSeconds(1L << Math.max(0, doublings));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private int count(String key) {
    Deque<Instant> times = key == null ? null : failures.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      prune(times);
      return times.size();
    }
  }

  private Instant oldest(String key) {
    Deque<Instant> times = failures.get(key);
    synchronized (times) {
      return times.isEmpty() ? clock.instant() : times.peekFirst();
    }
  }

  private Instant newest(String key) {
    Deque<Instant> times = failures.get(key);
    synchronized (times) {
      return times.isEmpty() ? clock.instant() : times.peekLast();
    }
  }

  private void add(String key) {
    if (key == null) {
      return;
    }
    if (failures.size() > MAX_KEYS) {
      forgetExpired();
    }
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times);
      times.addLast(clock.instant());
    }
  }

  /** Guessing many made-up names must not fill the memory. */
  private void forgetExpired() {
    failures
        .values()
        .removeIf(
            times -> {
              synchronized (times) {
                prune(times);
                return times.isEmpty();
              }
            });
  }

  private void prune(Deque<Instant> times) {
    Instant cutoff = clock.instant().minus(WINDOW);
    while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
      times.removeFirst();
    }
  }

  private static String accountKey(String username) {
    return "account:" + Accounts.signInName(username);
  }

  private static String pairKey(String accountKey, String address) {
    return accountKey + "|" + address;
  }

  private static String linkAddressKey(String address) {
    return address == null ? null : "link-address:" + address;
  }

  private static String addressKey(String address) {
    return address == null ? null : "address:" + address;
  }
}
