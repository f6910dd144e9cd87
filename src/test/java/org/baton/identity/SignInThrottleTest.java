package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final SignInThrottle throttle = new SignInThrottle(clock);

  @Test
  void fiveFailuresFromOneAddressBlockThatAddressForThatAccountOnly() {
    for (int i = 0; i < SignInThrottle.MAX_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
      throttle.recordFailure("Henry@example.com", "10.0.0.1");
    }
    assertThat(throttle.isBlocked("henry@example.com", "10.0.0.1")).isFalse();
    throttle.recordFailure("henry@example.com", "10.0.0.1");
    assertThat(throttle.isBlocked("henry@example.com", "10.0.0.1")).isTrue();
    // The owner at her own desk is not locked out by a stranger's guesses.
    assertThat(throttle.isBlocked("henry@example.com", "10.0.0.2")).isFalse();
    assertThat(throttle.isBlocked("maria@example.com", "10.0.0.1")).isFalse();

    clock.advance(SignInThrottle.WINDOW.plusSeconds(1));
    assertThat(throttle.isBlocked("henry@example.com", "10.0.0.1")).isFalse();
  }

  @Test
  void guessesFromManyAddressesOnlyDelayTheAccountAndNeverForLong() {
    for (int i = 0; i < SignInThrottle.FREE_PER_ACCOUNT - 1; i++) {
      throttle.recordFailure("admin", "10.1.0." + i);
    }
    assertThat(throttle.isBlocked("admin", "10.2.0.1")).isFalse();
    throttle.recordFailure("admin", "10.1.1.1");
    assertThat(throttle.isBlocked("admin", "10.2.0.1")).isTrue();
    clock.advance(SignInThrottle.delayAfter(SignInThrottle.FREE_PER_ACCOUNT));
    assertThat(throttle.isBlocked("admin", "10.2.0.1")).isFalse();

    for (int i = 0; i < 40; i++) {
      throttle.recordFailure("admin", "10.3.0." + i);
    }
    assertThat(throttle.isBlocked("admin", "10.2.0.1")).isTrue();
    clock.advance(SignInThrottle.MAX_DELAY);
    assertThat(throttle.isBlocked("admin", "10.2.0.1")).isFalse();
    assertThat(SignInThrottle.delayAfter(SignInThrottle.FREE_PER_ACCOUNT + 1))
        .isEqualTo(SignInThrottle.delayAfter(SignInThrottle.FREE_PER_ACCOUNT).multipliedBy(2));
  }

  @Test
  void controlCharactersAroundTheNameCountAgainstTheSameAccount() {
    for (int i = 0; i < SignInThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
      throttle.recordFailure("henry@example.com" + "\u0001".repeat(i) + "\t", "10.0.0.1");
    }
    assertThat(throttle.isBlocked("\u0000HENRY@example.com", "10.0.0.1")).isTrue();
    assertThat(Accounts.signInName(" Henry@Example.com\u0001\u007f\u00a0"))
        .isEqualTo("henry@example.com");
  }

  @Test
  void oneAddressTryingManyAccountsIsBlocked() {
    for (int i = 0; i < SignInThrottle.MAX_PER_ADDRESS; i++) {
      throttle.recordFailure("guess" + i + "@example.com", "10.9.9.9");
    }
    assertThat(throttle.isBlocked("someone@example.com", "10.9.9.9")).isTrue();
    assertThat(throttle.isBlocked("someone@example.com", "10.0.0.1")).isFalse();
  }

  @Test
  void aSuccessfulSignInForgetsTheAccountsFailures() {
    for (int i = 0; i < SignInThrottle.MAX_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
      throttle.recordFailure("henry@example.com", "10.0.0.1");
    }
    throttle.recordSuccess("henry@example.com", "10.0.0.1");
    throttle.recordFailure("henry@example.com", "10.0.0.1");
    assertThat(throttle.isBlocked("henry@example.com", "10.0.0.1")).isFalse();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
