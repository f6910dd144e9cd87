package org.baton.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the pages say them, one way everywhere: "7 Dec 2026" for a day and "7 Dec
 * 2026, 14:30" for a moment, in Baton's time zone ({@code BATON_NOTIFICATIONS_ZONE}). Templates ask
 * it as {@code @when}; the API keeps ISO 8601. One format, because a page that mixed 2026-12-07, 7
 * Dec and 6/30/27 made people read each date twice.
 */
@Component("when")
public class When {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter EXACT =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private static final DateTimeFormatter SHORT_MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  private final ZoneId zone;

  When(BatonProperties properties) {
    this.zone = properties.notifications().zone();
  }

  /** The day of a date or moment: "7 Dec 2026"; empty for none. */
  public String day(Object value) {
    return format(value, DAY);
  }

  /** A month: "November 2026". */
  public String month(LocalDate value) {
    return value == null ? "" : MONTH.format(value);
  }

  /** A month in a table: "Jun 2026". */
  public String shortMonth(LocalDate value) {
    return value == null ? "" : SHORT_MONTH.format(value);
  }

  /** A moment to the minute: "7 Dec 2026, 14:30"; a bare date as its day. */
  public String at(Object value) {
    return format(value, MOMENT);
  }

  /**
   * A deadline: a whole day's end (midnight after it, or 23:59:59) as that day, "12 Dec 2026", so
   * that a date due on the 12th never reads "13 Dec 2026, 00:00"; any other moment to the minute.
   */
  public String deadline(Instant at) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      return DAY.format(local.minusDays(1));
    }
    if (local.toLocalTime().equals(java.time.LocalTime.of(23, 59, 59))) {
      return DAY.format(local);
    }
    return MOMENT.format(local);
  }

  /** A moment to the second, for logs of deliveries: "7 Dec 2026, 14:30:05". */
  public String exact(Object value) {
    return format(value, EXACT);
  }

  private String format(Object value, DateTimeFormatter pattern) {
    if (value == null) {
      return "";
    }
    if (value instanceof LocalDate date) {
      return DAY.format(date);
    }
    ZonedDateTime moment;
    if (value instanceof Instant instant) {
      moment = instant.atZone(zone);
    } else if (value instanceof OffsetDateTime offset) {
      moment = offset.atZoneSameInstant(zone);
    } else if (value instanceof ZonedDateTime zoned) {
      moment = zoned.withZoneSameInstant(zone);
    } else if (value instanceof LocalDateTime local) {
      moment = local.atZone(zone);
    } else {
      throw new IllegalArgumentException("Not a date: " + value.getClass());
    }
    return pattern.format(moment);
  }
}
