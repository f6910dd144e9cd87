package org.baton;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.baton.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The rooms of every module (docs/ARCHITECTURE.md, "The interior of every module"), kept by the
 * build: SQL only in a store, a forbidden answer only in a permissions or access class, and
 * business time from the {@code Clock}, never the database's {@code now()}. Each guard has a list
 * in docs/ARCHITECTURE.md of the classes still waiting to be moved, each with its reason; the list
 * may only shrink (a listed class that complies must leave it).
 */
class InteriorGuardsTest {

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.baton");

  @Test
  void sqlLivesOnlyInAModulesStore() {
    Set<String> holders = new TreeSet<>();
    for (JavaClass c : MAIN) {
      if (c.getPackageName().startsWith("org.baton.platform")) {
        continue; // the platform is the stores' own infrastructure: outboxes, the database
      }
      boolean holdsSql =
          c.getDirectDependenciesFromSelf().stream()
              .map(d -> d.getTargetClass().getName())
              .anyMatch(
                  n ->
                      n.equals(JdbcClient.class.getName())
                          || n.equals(JdbcTemplate.class.getName())
                          || n.equals(NamedParameterJdbcTemplate.class.getName()));
      String name = outermost(c).getSimpleName();
      if (holdsSql && !name.endsWith("Store") && !name.endsWith("Repository")) {
        holders.add(outermost(c).getName());
      }
    }
    assertListed(holders, "sql-outside-stores");
  }

  @Test
  void aForbiddenAnswerIsBuiltOnlyInAPermissionsOrAccessClass() {
    Set<String> builders = new TreeSet<>();
    for (JavaClass c : MAIN) {
      boolean builds =
          c.getConstructorCallsFromSelf().stream()
              .anyMatch(
                  call ->
                      call.getTargetOwner()
                          .getName()
                          .equals(AccessDeniedException.class.getName()));
      String name = outermost(c).getSimpleName();
      if (builds && !name.endsWith("Permissions") && !name.endsWith("Access")) {
        builders.add(outermost(c).getName());
      }
    }
    assertListed(builders, "forbidden-outside-permissions");
  }

  /**
   * A page's form goes through {@code platform.Forms}: a controller that catches a refusal itself
   * handles its form a way of its own (and loses what was typed, or the 422, or the field).
   */
  @Test
  void aControllerHandlesItsFormsThroughTheOneHelper() {
    Set<String> catchers = new TreeSet<>();
    for (JavaClass c : MAIN) {
      String name = outermost(c).getSimpleName();
      if (!name.endsWith("Controller")) {
        continue;
      }
      boolean catches =
          c.getCodeUnits().stream()
              .flatMap(unit -> unit.getTryCatchBlocks().stream())
              .flatMap(block -> block.getCaughtThrowables().stream())
              .anyMatch(caught -> caught.getName().equals(InvalidInputException.class.getName()));
      if (catches) {
        catchers.add(outermost(c).getName());
      }
    }
    assertListed(catchers, "forms-outside-the-helper");
  }

  /** {@code now()} inside a string of Java code: SQL that takes its time from the database. */
  static final Pattern STRING =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

  static final Pattern DATABASE_NOW =
      Pattern.compile(
          "\\b(now\\(\\)|current_timestamp|localtimestamp|current_date)", Pattern.CASE_INSENSITIVE);

  @Test
  void businessTimeComesFromTheClockNotTheDatabase() throws IOException {
    Set<String> users = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher strings = STRING.matcher(Files.readString(file));
        while (strings.find()) {
          String text = strings.group(1) != null ? strings.group(1) : strings.group(2);
          if (DATABASE_NOW.matcher(text).find()) {
            users.add(
                file.toString()
                    .replace("src/main/java/", "")
                    .replace(".java", "")
                    .replace('/', '.'));
          }
        }
      }
    }
    assertListed(users, "database-time");
  }

  /**
   * "Keep it under 2,000 characters." is built from its limit ({@code TextRules.tooLong}), so the
   * message and the check cannot drift apart; no message writes the number by hand.
   */
  @Test
  void aTooLongMessageIsBuiltFromItsLimit() throws IOException {
    Pattern handWritten = Pattern.compile("under [0-9][0-9,]* characters");
    Set<String> writers = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.endsWith("TextRules.java")) // where the message is built
              .toList()) {
        Matcher strings = STRING.matcher(Files.readString(file));
        while (strings.find()) {
          String text = strings.group(1) != null ? strings.group(1) : strings.group(2);
          if (handWritten.matcher(text).find()) {
            writers.add(file.toString());
          }
        }
      }
    }
    assertThat(writers).as("a length message written by hand, not TextRules.tooLong").isEmpty();
  }

  private static JavaClass outermost(JavaClass c) {
    JavaClass outer = c;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

  /**
   * The offenders are exactly the classes listed in the fenced block of docs/ARCHITECTURE.md: none
   * new, and none listed that no longer offends.
   */
  private static void assertListed(Set<String> offenders, String block) {
    Set<String> listed = listed(block);
    Set<String> unlisted = new TreeSet<>(offenders);
    unlisted.removeAll(listed);
    assertThat(unlisted)
        .as("not in the rooms of their module, and not listed in docs/ARCHITECTURE.md ```" + block)
        .isEmpty();
    Set<String> done = new TreeSet<>(listed);
    done.removeAll(offenders);
    assertThat(done).as("in their rooms now: remove them from ```" + block).isEmpty();
  }

  /** The class names of a fenced block of docs/ARCHITECTURE.md, each line "name reason". */
  static Set<String> listed(String block) {
    Set<String> names = new TreeSet<>();
    boolean inside = false;
    for (String line : read(Path.of("docs/ARCHITECTURE.md"))) {
      if (line.startsWith("```" + block)) {
        inside = true;
      } else if (inside && line.startsWith("```")) {
        return names;
      } else if (inside && !line.isBlank()) {
        String[] parts = line.split(" ", 2);
        assertThat(parts).as("a class and its reason: " + line).hasSize(2);
        names.add(parts[0]);
      }
    }
    assertThat(inside).as("docs/ARCHITECTURE.md has a ```" + block + " block").isTrue();
    return names;
  }

  private static List<String> read(Path file) {
    try {
      return new ArrayList<>(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
