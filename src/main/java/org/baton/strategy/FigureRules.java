package org.baton.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baton.platform.CsvReader;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;

/**
 * What a key figure, a value entered and a file of values must be: every problem at once, each with
 * its field or its line, from facts handed in (today, the active people, whether the editor would
 * still see the figure), so that these are plain functions.
 */
final class FigureRules {

  static final BigDecimal LIMIT = new BigDecimal("1e15");
  static final int MAX_IMPORT_ROWS = 20_000;
  static final int MAX_IMPORT_BYTES = 2 * 1024 * 1024;

  private FigureRules() {}

  /**
   * @param activePeople which of the people named are still with the company
   * @param editorStillSees whether the editor would see the figure at the level chosen
   */
  static List<FieldProblem> figure(
      FigureDrafts.FigureDraft draft, Set<Long> activePeople, boolean editorStillSees) {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.required(
        "name", draft.name(), TextLimits.NAME, "Name the figure, such as Revenue.", problems);
    TextRules.required(
        "unit",
        draft.unit(),
        DirectionRules.MAX_UNIT,
        "Give the unit, such as EUR or %.",
        problems);
    TextRules.optional("description", draft.description(), TextLimits.REASON, problems);
    if (draft.target() != null && draft.target().abs().compareTo(LIMIT) >= 0) {
      problems.add(new FieldProblem("target", "The target is too large."));
    }
    if (draft.visibility() == null) {
      problems.add(
          new FieldProblem(
              "visibility", "Choose who may see it: EVERYONE, LEADERS, PEOPLE or ADMINS."));
      return problems;
    }
    if (draft.visibility() == Visibility.PEOPLE && draft.people().isEmpty()) {
      problems.add(new FieldProblem("people", "Name the people who may see it."));
    }
    if (draft.visibility() != Visibility.PEOPLE && !draft.people().isEmpty()) {
      problems.add(new FieldProblem("people", "Name people only for the level PEOPLE."));
    }
    draft.people().stream()
        .filter(p -> p == null || !activePeople.contains(p))
        .findFirst()
        .ifPresent(
            p -> problems.add(new FieldProblem("people", "There is no active person " + p + ".")));
    if (!editorStillSees) {
      problems.add(
          new FieldProblem(
              "visibility",
              "You would no longer see this figure yourself; choose a level that includes you."));
    }
    return problems;
  }

  /** A value entered by hand: a known day, a value within bounds, in the figure's unit. */
  static List<FieldProblem> value(
      FigureDrafts.ValueDraft draft, KeyFigure figure, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.on() == null) {
      problems.add(new FieldProblem("on", "Give the day the value is for."));
    } else if (draft.on().isAfter(today)) {
      problems.add(
          new FieldProblem("on", "The day is in the future; enter values that are known."));
    }
    if (draft.value() == null) {
      problems.add(new FieldProblem("value", "Give the value."));
    } else if (draft.value().abs().compareTo(LIMIT) >= 0) {
      problems.add(new FieldProblem("value", "The value is too large."));
    }
    if (draft.unit() != null
        && !draft.unit().isBlank()
        && !FigureValueText.sameUnit(draft.unit(), figure.unit())) {
      problems.add(
          new FieldProblem(
              "unit",
              "This figure is in " + figure.unit() + ", not " + draft.unit().strip() + "."));
    }
    TextRules.optional("comment", draft.comment(), TextLimits.REASON, problems);
    return problems;
  }

  /** The values a file gives, and every problem of its lines; none is stored while any remains. */
  record Parsed(List<KeyFigure.FigureValue> values, List<FieldProblem> problems) {}

  /**
   * The rows of a file after its header line ({@code on,value[,comment]}), each problem named by
   * its line.
   */
  static Parsed rows(
      List<CsvReader.Record> rows, KeyFigure figure, LocalDate today, String byName) {
    List<FieldProblem> problems = new ArrayList<>();
    List<KeyFigure.FigureValue> values = new ArrayList<>();
    Set<LocalDate> days = new HashSet<>();
    for (CsvReader.Record record : rows) {
      String line = "line " + record.line();
      List<String> cells = record.values();
      if (cells.size() > 3) {
        problems.add(new FieldProblem(line, "Give three values at most: on,value,comment."));
        continue;
      }
      LocalDate on = null;
      try {
        on = LocalDate.parse(cells.get(0).strip());
        if (on.isAfter(today)) {
          problems.add(new FieldProblem(line, "The day " + on + " is in the future."));
        } else if (!days.add(on)) {
          problems.add(new FieldProblem(line, "The day " + on + " is in the file twice."));
        }
      } catch (DateTimeParseException e) {
        problems.add(
            new FieldProblem(line, "Write the day as yyyy-mm-dd, not \"" + cells.get(0) + "\"."));
      }
      FigureValueText.Reading reading =
          FigureValueText.read(cells.size() > 1 ? cells.get(1) : "", figure.unit());
      if (reading.value().isEmpty()) {
        problems.add(new FieldProblem(line, reading.problem()));
      }
      String comment = cells.size() > 2 ? cells.get(2).strip() : "";
      if (comment.length() > TextLimits.REASON) {
        problems.add(new FieldProblem(line, TextRules.tooLong(TextLimits.REASON)));
      }
      if (on != null && reading.value().isPresent()) {
        values.add(new KeyFigure.FigureValue(on, reading.value().get(), comment, byName));
      }
    }
    return new Parsed(values, problems);
  }
}
