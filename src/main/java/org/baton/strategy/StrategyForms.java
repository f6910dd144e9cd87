package org.baton.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;

/**
 * The direction's edit forms as flat maps ({@code priorities[0].goals[1].target}) and back. Rows
 * left blank are dropped (that is how a row is removed); problems the rules name by a draft's index
 * are named back by the form's, so each message stands under the field it is about.
 */
final class StrategyForms {

  private static final Pattern INDEXED =
      Pattern.compile("^priorities\\[(\\d+)](?:\\.goals\\[(\\d+)])?(.*)$");

  private StrategyForms() {}

  static Map<String, String> vision(Direction d) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("vision", d.vision());
    form.put("mission", d.mission());
    return form;
  }

  static Map<String, String> values(Direction d) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < d.values().size(); i++) {
      form.put("values[" + i + "].name", d.values().get(i).name());
      form.put("values[" + i + "].meaning", d.values().get(i).meaning());
    }
    return form;
  }

  static Map<String, String> tradeOffs(Direction d) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < d.tradeOffs().size(); i++) {
      form.put("tradeOffs[" + i + "]", d.tradeOffs().get(i));
    }
    return form;
  }

  static Map<String, String> priorities(Direction d, Directory directory) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < d.priorities().size(); i++) {
      Direction.Priority p = d.priorities().get(i);
      String at = "priorities[" + i + "]";
      form.put(at + ".id", Long.toString(p.id()));
      form.put(at + ".title", p.title());
      form.put(at + ".why", p.why());
      form.put(at + ".owner", directory.findPerson(p.ownerId()).map(Person::email).orElse(""));
      form.put(at + ".startsOn", String.valueOf(p.startsOn()));
      form.put(at + ".endsOn", String.valueOf(p.endsOn()));
      form.put(at + ".decisionTypes", String.join(", ", p.decisionTypes()));
      for (int g = 0; g < p.goals().size(); g++) {
        Direction.Goal goal = p.goals().get(g);
        String gat = at + ".goals[" + g + "]";
        form.put(gat + ".id", Long.toString(goal.id()));
        form.put(gat + ".title", goal.title());
        form.put(gat + ".unit", goal.unit());
        form.put(gat + ".start", goal.start().stripTrailingZeros().toPlainString());
        form.put(gat + ".target", goal.target().stripTrailingZeros().toPlainString());
        form.put(gat + ".dueOn", String.valueOf(goal.dueOn()));
      }
    }
    return form;
  }

  /**
   * How many rows of {@code prefix[i]...} a form has. Rows past {@link #MAX_ROWS} are not read (no
   * part takes that many), so a form naming row 999999 costs nothing.
   */
  static int rows(Map<String, String> form, String prefix) {
    Pattern row = Pattern.compile("^" + Pattern.quote(prefix) + "\\[(\\d{1,3})].*");
    return form.keySet().stream()
        .map(row::matcher)
        .filter(Matcher::matches)
        .mapToInt(m -> Integer.parseInt(m.group(1)) + 1)
        .filter(n -> n <= MAX_ROWS)
        .max()
        .orElse(0);
  }

  static final int MAX_ROWS = 50;

  static DirectionDrafts.ValuesDraft valuesDraft(Map<String, String> form) {
    List<Direction.Value> values = new ArrayList<>();
    for (int i = 0; i < rows(form, "values"); i++) {
      String name = form.getOrDefault("values[" + i + "].name", "");
      String meaning = form.getOrDefault("values[" + i + "].meaning", "");
      if (!name.isBlank() || !meaning.isBlank()) {
        values.add(new Direction.Value(name, meaning));
      }
    }
    return new DirectionDrafts.ValuesDraft(values, form.get("reason"));
  }

  static DirectionDrafts.TradeOffsDraft tradeOffsDraft(Map<String, String> form) {
    List<String> tradeOffs = new ArrayList<>();
    for (int i = 0; i < rows(form, "tradeOffs"); i++) {
      String statement = form.getOrDefault("tradeOffs[" + i + "]", "");
      if (!statement.isBlank()) {
        tradeOffs.add(statement);
      }
    }
    return new DirectionDrafts.TradeOffsDraft(tradeOffs, form.get("reason"));
  }

  /** A priorities draft and, for each draft index, the form's (to name problems back). */
  record PrioritiesForm(
      DirectionDrafts.PrioritiesDraft draft,
      List<Integer> priorityRows,
      List<List<Integer>> goalRows) {

    /** Hands the draft to {@code change}; a problem it finds is named by the form's row. */
    void submitTo(java.util.function.Consumer<DirectionDrafts.PrioritiesDraft> change) {
      try {
        change.accept(draft);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(named(e.problems()));
      }
    }

    /** The rules' problems, named by the form's rows. */
    List<FieldProblem> named(List<FieldProblem> problems) {
      return problems.stream()
          .map(
              p -> {
                Matcher m = INDEXED.matcher(p.field());
                if (!m.matches()) {
                  return p;
                }
                int pi = Integer.parseInt(m.group(1));
                if (pi >= priorityRows.size()) {
                  return p;
                }
                String field = "priorities[" + priorityRows.get(pi) + "]";
                if (m.group(2) != null) {
                  int gi = Integer.parseInt(m.group(2));
                  field +=
                      ".goals["
                          + goalRows.get(pi).get(Math.min(gi, goalRows.get(pi).size() - 1))
                          + "]";
                }
                String rest = m.group(3).equals(".ownerId") ? ".owner" : m.group(3);
                return new FieldProblem(field + rest, p.message());
              })
          .toList();
    }
  }

  static PrioritiesForm prioritiesDraft(Map<String, String> form, Directory directory) {
    List<FieldProblem> problems = new ArrayList<>();
    List<DirectionDrafts.PriorityDraft> priorities = new ArrayList<>();
    List<Integer> priorityRows = new ArrayList<>();
    List<List<Integer>> goalRows = new ArrayList<>();
    for (int i = 0; i < rows(form, "priorities"); i++) {
      String at = "priorities[" + i + "]";
      List<DirectionDrafts.GoalDraft> goals = new ArrayList<>();
      List<Integer> rowsOfGoals = new ArrayList<>();
      for (int g = 0; g < rows(form, at + ".goals"); g++) {
        String gat = at + ".goals[" + g + "]";
        if (blank(form, gat, "title", "unit", "start", "target", "dueOn")) {
          continue;
        }
        goals.add(
            new DirectionDrafts.GoalDraft(
                id(form.get(gat + ".id")),
                form.get(gat + ".title"),
                form.get(gat + ".unit"),
                number(form, gat + ".start", problems),
                number(form, gat + ".target", problems),
                date(form, gat + ".dueOn", problems)));
        rowsOfGoals.add(g);
      }
      if (blank(form, at, "title", "why", "owner", "startsOn", "endsOn", "decisionTypes")
          && goals.isEmpty()) {
        continue;
      }
      Long owner = null;
      String ownerText = form.getOrDefault(at + ".owner", "");
      if (!ownerText.isBlank()) {
        try {
          owner = directory.resolvePerson(ownerText, at + ".owner").id();
        } catch (InvalidInputException e) {
          problems.addAll(e.problems());
        }
      }
      priorities.add(
          new DirectionDrafts.PriorityDraft(
              id(form.get(at + ".id")),
              form.get(at + ".title"),
              form.get(at + ".why"),
              owner,
              date(form, at + ".startsOn", problems),
              date(form, at + ".endsOn", problems),
              List.of(form.getOrDefault(at + ".decisionTypes", "").split("[,\\s]+")).stream()
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .toList(),
              goals));
      priorityRows.add(i);
      goalRows.add(rowsOfGoals);
    }
    InvalidInputException.throwIfAny(problems);
    return new PrioritiesForm(
        new DirectionDrafts.PrioritiesDraft(priorities, form.get("reason")),
        priorityRows,
        goalRows);
  }

  private static boolean blank(Map<String, String> form, String at, String... fields) {
    for (String field : fields) {
      if (!form.getOrDefault(at + "." + field, "").isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static Long id(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return -1L; // no such priority or goal: the rules say so
    }
  }

  /** A goal's progress as typed: a number, or null when left empty. */
  static BigDecimal number(String typed) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal number = number(Map.of("value", typed), "value", problems);
    InvalidInputException.throwIfAny(problems);
    return number;
  }

  private static BigDecimal number(
      Map<String, String> form, String field, List<FieldProblem> problems) {
    String text = form.getOrDefault(field, "").strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, "Write a number, such as 12.5."));
      return null;
    }
  }

  /** People named by e-mail addresses (or ids) separated by commas, semicolons or spaces. */
  static List<Long> people(
      String text, String field, Directory directory, List<FieldProblem> problems) {
    return directory.resolvePeople(text, field, problems);
  }

  static LocalDate date(Map<String, String> form, String field, List<FieldProblem> problems) {
    String text = form.getOrDefault(field, "").strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "Write the date as yyyy-mm-dd."));
      return null;
    }
  }
}
