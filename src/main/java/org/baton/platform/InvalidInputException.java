package org.baton.platform;

import java.util.List;

/**
 * Input that breaks a business rule. Services throw it before writing anything; pages show each
 * problem next to its field and the API answers 422 naming the fields.
 */
public class InvalidInputException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "invalid input" : problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  /**
   * Refuses with every problem, when there is any: the one way a rules class's answer is obeyed.
   */
  public static void throwIfAny(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** The first message for each field, in order: what a page shows next to each field. */
  public java.util.Map<String, String> byField() {
    java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
    problems.forEach(problem -> byField.putIfAbsent(problem.field(), problem.message()));
    return byField;
  }

  /**
   * As {@link #byField}, with one field named as the page names it (the API's {@code leadPersonId}
   * is the form's {@code lead}), so that the message stands under the field it is about.
   */
  public java.util.Map<String, String> byField(String field, String onThePage) {
    java.util.Map<String, String> renamed = new java.util.LinkedHashMap<>();
    byField().forEach((f, message) -> renamed.put(f.equals(field) ? onThePage : f, message));
    return renamed;
  }
}
