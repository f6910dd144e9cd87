package org.baton.learning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;

/**
 * What the learning pages and the JSON API read from text alike: dates, sorts, lists, ids and a
 * learning named by its kind's slug, each refused with the field it came from.
 */
final class LearningInputs {

  private LearningInputs() {}

  static String path(LearningKind.Ref ref) {
    return ref.kind() == LearningKind.REVIEW
        ? "/learning/reviews/" + ref.id()
        : "/report-outs/" + ref.id();
  }

  static LearningKind.Ref ref(String kind, long id) {
    return LearningKind.fromSlug(kind)
        .map(k -> new LearningKind.Ref(k, id))
        .orElseThrow(() -> new NotFoundException("No kind of learning " + kind + "."));
  }

  static LocalDate date(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Enter a date as yyyy-mm-dd.");
    }
  }

  static String sort(String sort) {
    if (sort == null || sort.isBlank()) {
      return null;
    }
    if (!Set.of("relevance", "date", "helped").contains(sort)) {
      throw new InvalidInputException("sort", "Sort by relevance, date or helped.");
    }
    return sort;
  }

  static List<String> list(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
  }

  static List<Long> ids(String text, String field, List<FieldProblem> problems) {
    List<Long> ids = new ArrayList<>();
    for (String part : list(text)) {
      try {
        ids.add(Long.parseLong(part.replace("#", "")));
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem(field, "Give numbers separated by commas, such as 12, 14."));
      }
    }
    return ids;
  }

  static long parseId(String text, String field) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "Not a number.");
    }
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  static String at(List<String> values, int i) {
    return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
  }
}
