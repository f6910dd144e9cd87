package org.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every setting is typed (a {@code @ConfigurationProperties} record per module, its defaults there
 * and nowhere else) and documented: each one's property, or its environment variable, appears in
 * the README or docs/. A setting added without a word in the docs fails the build.
 */
class SettingsDocumentedTest {

  @Test
  void everyTypedSettingIsNamedInTheReadmeOrTheDocs() throws Exception {
    String docs = docs();
    List<String> settings = new ArrayList<>();
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.baton")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      String prefix = type.getAnnotation(ConfigurationProperties.class).value();
      collect(prefix, type, settings);
    }
    assertThat(settings).as("the typed settings found").hasSizeGreaterThan(20);

    List<String> undocumented =
        settings.stream()
            .filter(setting -> !docs.contains(setting) && !docs.contains(environmentName(setting)))
            .toList();

    assertThat(undocumented).as("settings the README and docs/ do not name").isEmpty();
  }

  /** Each leaf setting of a record, nested records followed. */
  private static void collect(String prefix, Class<?> type, List<String> settings) {
    for (RecordComponent component : type.getRecordComponents()) {
      String path = prefix + "." + kebab(component.getName());
      if (component.getType().isRecord()) {
        collect(path, component.getType(), settings);
      } else {
        settings.add(path);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /**
   * Spring's relaxed binding: baton.mail.max-attempts is BATON_MAIL_MAXATTEMPTS or
   * ..._MAX_ATTEMPTS.
   */
  private static String environmentName(String setting) {
    return setting.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static String docs() throws IOException {
    StringBuilder all = new StringBuilder(Files.readString(Path.of("README.md")));
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      files
          .filter(p -> p.toString().endsWith(".md"))
          .forEach(
              p -> {
                try {
                  all.append(Files.readString(p));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return all.toString();
  }
}
