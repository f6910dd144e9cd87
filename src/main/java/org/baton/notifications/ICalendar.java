package org.baton.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar stream (RFC 5545): CRLF line ends, text escaped (backslash, semicolon, comma,
 * line breaks), and lines folded at 75 octets without splitting a character.
 */
final class ICalendar {

  /** An event on a day, or at an instant when {@code at} is set. */
  record Event(String uid, String summary, LocalDate day, Instant at, String url) {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ICalendar() {}

  static String write(String name, List<Event> events, Instant now) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Baton//Baton calendar//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "X-WR-CALNAME:" + text(name));
    for (Event e : events) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + e.uid());
      line(out, "DTSTAMP:" + STAMP.format(now));
      if (e.at() != null) {
        line(out, "DTSTART:" + STAMP.format(e.at()));
      } else {
        line(out, "DTSTART;VALUE=DATE:" + DAY.format(e.day()));
        line(out, "DTEND;VALUE=DATE:" + DAY.format(e.day().plusDays(1)));
      }
      line(out, "SUMMARY:" + text(e.summary()));
      line(out, "URL:" + e.url());
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** A content line, folded: no line longer than 75 octets, continuations start with a space. */
  private static void line(StringBuilder out, String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
