package org.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class under {@code src/main} passes 400 lines unless docs/ARCHITECTURE.md ("Class size") lists
 * it with the most lines it may have and why; a listed class never grows past its number.
 */
class ClassSizeTest {

  static final int MOST_LINES = 400;

  @Test
  void noClassPassesFourHundredLinesUnlessListedWithAReasonAndNoneGrows() throws IOException {
    Map<String, Integer> listed = exceptions();
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                int lines = lines(f);
                int allowed = listed.getOrDefault(f.toString(), MOST_LINES);
                if (lines > allowed) {
                  tooLong.add(f + ": " + lines + " lines, at most " + allowed);
                }
              });
    }
    assertThat(tooLong).as("classes past their size (docs/ARCHITECTURE.md, Class size)").isEmpty();
  }

  @Test
  void everyListedClassStillExistsAndStillNeedsItsException() {
    exceptions()
        .forEach(
            (path, allowed) -> {
              assertThat(Path.of(path)).as("listed and gone: remove it from the list").exists();
              assertThat(lines(Path.of(path)))
                  .as(path + " is back under 400 lines: remove it from the list")
                  .isGreaterThan(MOST_LINES);
            });
  }

  /** The fenced block "class-size-exceptions" of docs/ARCHITECTURE.md: path, lines, reason. */
  static Map<String, Integer> exceptions() {
    Map<String, Integer> listed = new HashMap<>();
    boolean inside = false;
    for (String line : read(Path.of("docs/ARCHITECTURE.md"))) {
      if (line.startsWith("```class-size-exceptions")) {
        inside = true;
      } else if (inside && line.startsWith("```")) {
        break;
      } else if (inside && !line.isBlank()) {
        String[] parts = line.split(" ", 3);
        assertThat(parts).as("path, lines and a reason: " + line).hasSize(3);
        listed.put(parts[0], Integer.parseInt(parts[1]));
      }
    }
    return listed;
  }

  private static int lines(Path file) {
    return read(file).size();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
