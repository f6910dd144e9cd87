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
  void anAccountIsBlockedAfterFiveFailuresUntilTheWindowPasses() {
    for (int i = 0; i < SignInThrottle.MAX_PER_ACCOUNT - 1; i++) {
      throttle.recordFailure("Henry@example.com", "10.0.0.1");
    }
    assertThat(throttle.isBlocked("henry@example.com", "10.0.0.2")).isFalse();
    throttle.recordFailure("henry@example.com", "10.0.0.1");
    assertThat(throttle.isBlocked("henry@example.com", "10.0.0.2")).isTrue();
    assertThat(throttle.isBlocked("maria@example.com", "10.0.0.2")).isFalse();

    clock.advance(SignInThrottle.WINDOW.plusSeconds(1));
    assertThat(throttle.isBlocked("henry@example.com", "10.0.0.2")).isFalse();
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
    for (int i = 0; i < SignInThrottle.MAX_PER_ACCOUNT - 1; i++) {
      throttle.recordFailure("henry@example.com", null);
    }
    throttle.recordSuccess("henry@example.com");
    throttle.recordFailure("henry@example.com", null);
    assertThat(throttle.isBlocked("henry@example.com", null)).isFalse();
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
