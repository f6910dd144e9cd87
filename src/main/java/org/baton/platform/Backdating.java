package org.baton.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Work done "as of" an earlier moment on the current thread: the demo writes a clerk's months of
 * history through the real services (so that the record, its hashes and everything derived from it
 * are real) by running each step at the moment it stands for. Only the demo uses it; nothing a
 * request runs ever sets it, and it is cleared however the work ends.
 */
public final class Backdating {

  private static final ThreadLocal<Instant> AS_OF = new ThreadLocal<>();

  private Backdating() {}

  /** Runs the work with every {@link Clock} that honours backdating reading {@code asOf}. */
  public static <T> T asOf(Instant asOf, Supplier<T> work) {
    Instant outer = AS_OF.get();
    AS_OF.set(asOf);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        AS_OF.remove();
      } else {
        AS_OF.set(outer);
      }
    }
  }

  /** The moment this thread's work stands for, if it is backdated. */
  public static Optional<Instant> current() {
    return Optional.ofNullable(AS_OF.get());
  }

  /** A clock that reads the backdated moment where there is one, else the one it wraps. */
  public static Clock honouredBy(Clock clock) {
    return new BackdatableClock(clock);
  }

  private static final class BackdatableClock extends Clock {
    private final Clock clock;

    BackdatableClock(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Instant instant() {
      Instant asOf = AS_OF.get();
      return asOf != null ? asOf : clock.instant();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new BackdatableClock(clock.withZone(zone));
    }
  }
}
