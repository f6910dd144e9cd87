package org.baton;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The list of events in docs/ARCHITECTURE.md ("Every event") is generated from the code: for each
 * event, the module that defines it, the classes that publish it (a method that calls {@code
 * publishEvent} and constructs it), and its listeners, durable ({@code @ApplicationModuleListener}:
 * kept in the event publication registry until handled) or in-process ({@code @EventListener}).
 * When the code changes, the test fails and prints the block to paste.
 */
class EventsDocumentedTest {

  private static final Pattern BLOCK = Pattern.compile("```events\\n(.*?)```", Pattern.DOTALL);

  @Test
  void docsListEveryEventWithItsPublishersAndListeners() throws Exception {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.baton");
    Map<String, Set<String>> publishers = new TreeMap<>();
    Map<String, Set<String>> listeners = new TreeMap<>();
    Map<String, String> modules = new TreeMap<>();
    for (JavaClass type : classes) {
      for (JavaMethod method : type.getMethods()) {
        boolean publishes =
            method.getMethodCallsFromSelf().stream()
                .anyMatch(
                    call ->
                        call.getName().equals("publishEvent")
                            && call.getTargetOwner()
                                .isAssignableTo(ApplicationEventPublisher.class));
        if (publishes) {
          method.getConstructorCallsFromSelf().stream()
              .map(call -> call.getTargetOwner())
              .filter(owner -> owner.isRecord() && owner.getPackageName().startsWith("org.baton"))
              .filter(owner -> isEvent(owner, classes))
              .forEach(
                  event -> {
                    modules.put(event.getSimpleName(), module(event));
                    publishers
                        .computeIfAbsent(event.getSimpleName(), k -> new TreeSet<>())
                        .add(named(type));
                  });
        }
        String kind = listenerKind(method);
        if (kind != null && method.getRawParameterTypes().size() == 1) {
          JavaClass event = method.getRawParameterTypes().get(0);
          modules.put(event.getSimpleName(), module(event));
          listeners
              .computeIfAbsent(event.getSimpleName(), k -> new TreeSet<>())
              .add(named(type) + (kind.equals("durable") ? " (durable)" : ""));
        }
      }
    }
    StringBuilder expected = new StringBuilder();
    modules.forEach(
        (event, module) ->
            expected
                .append(event)
                .append(" (")
                .append(module)
                .append(") published by ")
                .append(String.join(", ", publishers.getOrDefault(event, Set.of("nobody"))))
                .append("; heard by ")
                .append(String.join(", ", listeners.getOrDefault(event, Set.of("nobody"))))
                .append('\n'));

    Matcher block = BLOCK.matcher(Files.readString(Path.of("docs/ARCHITECTURE.md")));
    assertThat(block.find()).as("an ```events block in docs/ARCHITECTURE.md").isTrue();
    assertThat(block.group(1))
        .as("docs/ARCHITECTURE.md, Every event: paste\n```events\n" + expected + "```\n")
        .isEqualTo(expected.toString());
    assertThat(expected.toString())
        .as("every event has a publisher and a listener")
        .doesNotContain("published by nobody")
        .doesNotContain("heard by nobody");
  }

  /** A record somebody listens to: a type a listener method takes. */
  private static boolean isEvent(JavaClass record, JavaClasses classes) {
    for (JavaClass type : classes) {
      for (JavaMethod method : type.getMethods()) {
        if (listenerKind(method) != null
            && method.getRawParameterTypes().size() == 1
            && method.getRawParameterTypes().get(0).equals(record)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String listenerKind(JavaMethod method) {
    if (method.isAnnotatedWith(ApplicationModuleListener.class)) {
      return "durable";
    }
    if (method.isAnnotatedWith(TransactionalEventListener.class)
        || method.isAnnotatedWith(EventListener.class)) {
      return "in-process";
    }
    return null;
  }

  private static String module(JavaClass type) {
    String rest = type.getPackageName().substring("org.baton.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static String named(JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return module(outer) + "." + outer.getSimpleName();
  }
}
