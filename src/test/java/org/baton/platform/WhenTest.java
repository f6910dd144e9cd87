package org.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WhenTest {

  private final When when = new When(zone("Europe/Berlin"));

  @Test
  void daysAndMomentsReadOneWayInBatonsZone() {
    Instant lateEvening = Instant.parse("2026-12-07T23:30:00Z");
    assertThat(when.day(LocalDate.of(2026, 12, 7))).isEqualTo("7 Dec 2026");
    assertThat(when.at(lateEvening)).isEqualTo("8 Dec 2026, 00:30");
    assertThat(when.day(lateEvening)).isEqualTo("8 Dec 2026");
    assertThat(when.exact(Instant.parse("2026-12-07T10:00:05Z"))).isEqualTo("7 Dec 2026, 11:00:05");
    assertThat(when.at(null)).isEmpty();
    // a day's deadline reads as that day, however it is stored
    assertThat(when.deadline(Instant.parse("2026-12-12T23:00:00Z"))).isEqualTo("12 Dec 2026");
    assertThat(when.deadline(Instant.parse("2026-12-12T22:59:59Z"))).isEqualTo("12 Dec 2026");
    assertThat(when.deadline(Instant.parse("2026-12-12T10:30:00Z")))
        .isEqualTo("12 Dec 2026, 11:30");
  }

  @Test
  void noPageFormatsADateItsOwnWay() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      List<String> ownFormats =
          files
              .filter(f -> f.toString().endsWith(".html"))
              .flatMap(WhenTest::lines)
              .filter(line -> line.contains("#temporals.format(") && !line.contains("@{"))
              .toList();
      assertThat(ownFormats).as("dates on pages go through @when").isEmpty();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().map(line -> file.getFileName() + ": " + line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BatonProperties zone(String id) {
    return new BatonProperties(
        null,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        new BatonProperties.Notifications(null, ZoneId.of(id), null, null),
        null);
  }
}
