package org.baton.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_PER_ACCOUNT} failed sign-ins for one account (or
 * {@value #MAX_PER_ADDRESS} from one address) within the window, further attempts are refused until
 * the window has passed. Kept in memory: a restart forgets, which only helps the owner.
 */
@Component
class SignInThrottle {

  static final int MAX_PER_ACCOUNT = 5;
  static final int MAX_PER_ADDRESS = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 10_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  SignInThrottle() {
    this(Clock.systemUTC());
  }

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  boolean isBlocked(String username, String address) {
    return count(accountKey(username)) >= MAX_PER_ACCOUNT
        || count(addressKey(address)) >= MAX_PER_ADDRESS;
  }

  void recordFailure(String username, String address) {
    add(accountKey(username));
    add(addressKey(address));
  }

  void recordSuccess(String username) {
    failures.remove(accountKey(username));
  }

  private int count(String key) {
    if (key == null) {
      return 0;
    }
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      prune(times);
      return times.size();
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
    return username == null ? null : "account:" + username.strip().toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return address == null ? null : "address:" + address;
  }
}
