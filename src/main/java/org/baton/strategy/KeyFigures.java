package org.baton.strategy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.CsvReader;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key figures: their values over time (entered, imported from CSV or pushed by API), the chart and
 * the export. Every read goes through {@link StrategyAccess#maySee}: a figure the reader may not
 * see is left out of lists and is "not found" by id.
 */
@Service
public class KeyFigures {

  /** The series a chart draws: dates, values and the target line. */
  public record Chart(
      String name,
      String unit,
      List<LocalDate> on,
      List<BigDecimal> values,
      @io.swagger.v3.oas.annotations.media.Schema(nullable = true) BigDecimal target) {}

  private final FigureStore store;
  private final StrategyAccess access;
  private final Directory directory;
  private final Clock clock;

  KeyFigures(FigureStore store, StrategyAccess access, Directory directory, Clock clock) {
    this.store = store;
    this.access = access;
    this.directory = directory;
    this.clock = clock;
  }

  /** The figures the reader may see, by name, each with its latest value and trend. */
  @Transactional(readOnly = true)
  public List<KeyFigure> list(BatonUser actor) {
    return store.load(null).stream().filter(f -> maySee(actor, f)).toList();
  }

  /** A figure, or "not found" if the reader may not see it (never "denied": that would tell). */
  @Transactional(readOnly = true)
  public KeyFigure find(BatonUser actor, long id) {
    return store.load(id).stream()
        .filter(f -> maySee(actor, f))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No key figure " + id + "."));
  }

  /** Every value of a figure, oldest first. */
  @Transactional(readOnly = true)
  public List<KeyFigure.FigureValue> values(BatonUser actor, long id) {
    find(actor, id);
    return store.values(id);
  }

  /** The chart's series: two arrays read straight from the primary key's order. */
  @Transactional(readOnly = true)
  public Chart chart(BatonUser actor, long id) {
    KeyFigure figure = find(actor, id);
    List<LocalDate> on = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    store.series(id, on, values);
    return new Chart(figure.name(), figure.unit(), on, values, figure.target());
  }

  /** The values as CSV, in the form the import reads back. */
  @Transactional(readOnly = true)
  public String exportCsv(BatonUser actor, long id) {
    StringBuilder csv = new StringBuilder("on,value,comment\n");
    for (KeyFigure.FigureValue v : values(actor, id)) {
      csv.append(v.on()).append(',').append(v.value().toPlainString()).append(',');
      csv.append(org.baton.platform.Csv.field(v.comment())).append('\n');
    }
    return csv.toString();
  }

  @Transactional
  public KeyFigure create(BatonUser actor, FigureDrafts.FigureDraft draft) {
    access.requireEditor(actor);
    InvalidInputException.throwIfAny(check(actor, draft));
    return find(actor, store.insert(draft, clock.instant()));
  }

  /** Changes a figure the editor may see, to a level they would still see. */
  @Transactional
  public KeyFigure change(BatonUser actor, long id, FigureDrafts.FigureDraft draft) {
    find(actor, id);
    access.requireEditor(actor);
    InvalidInputException.throwIfAny(check(actor, draft));
    store.update(id, draft, clock.instant());
    return find(actor, id);
  }

  /** Enters a value (a day entered again is replaced). */
  @Transactional
  public KeyFigure enter(BatonUser actor, long id, FigureDrafts.ValueDraft draft) {
    KeyFigure figure = find(actor, id);
    access.requireEditor(actor);
    InvalidInputException.throwIfAny(FigureRules.value(draft, figure, today()));
    String comment = TextRules.orEmpty(draft.comment());
    store.storeValues(
        id,
        List.of(new KeyFigure.FigureValue(draft.on(), draft.value(), comment, actor.displayName())),
        clock.instant());
    return find(actor, id);
  }

  /**
   * Imports values from CSV ({@code on,value[,comment]}, a header first). Every row is checked
   * before any is stored: with a problem in any row, none is, and each problem names its line.
   *
   * @return how many values were stored
   */
  @Transactional
  public int importCsv(BatonUser actor, long id, byte[] content) {
    KeyFigure figure = find(actor, id);
    access.requireEditor(actor);
    if (content == null || content.length == 0) {
      throw new InvalidInputException(
          "file", "Choose a CSV file with the columns on,value,comment.");
    }
    if (content.length > FigureRules.MAX_IMPORT_BYTES) {
      throw new InvalidInputException("file", "The file is larger than 2 MB.");
    }
    List<CsvReader.Record> records;
    try {
      records = CsvReader.read(content);
    } catch (CsvReader.CsvException e) {
      throw new InvalidInputException("line " + e.line(), e.getMessage());
    }
    if (records.isEmpty()
        || records.get(0).values().size() < 2
        || !records.get(0).values().get(0).strip().equalsIgnoreCase("on")
        || !records.get(0).values().get(1).strip().equalsIgnoreCase("value")) {
      throw new InvalidInputException(
          "line 1", "The first line must be the header on,value,comment.");
    }
    if (records.size() - 1 > FigureRules.MAX_IMPORT_ROWS) {
      throw new InvalidInputException("file", "Import at most 20,000 values at a time.");
    }
    FigureRules.Parsed parsed =
        FigureRules.rows(records.subList(1, records.size()), figure, today(), actor.displayName());
    InvalidInputException.throwIfAny(parsed.problems());
    store.storeValues(id, parsed.values(), clock.instant());
    return parsed.values().size();
  }

  /** A figure's draft against the people it names and the level its editor would still see. */
  private List<FieldProblem> check(BatonUser actor, FigureDrafts.FigureDraft draft) {
    Set<Long> active = new HashSet<>();
    directory.people(draft.people()).stream()
        .filter(Person::active)
        .forEach(p -> active.add(p.id()));
    boolean stillSees =
        draft.visibility() == null || access.maySee(actor, draft.visibility(), draft.people());
    return FigureRules.figure(draft, active, stillSees);
  }

  boolean maySee(BatonUser actor, KeyFigure figure) {
    return access.maySee(actor, figure.visibility(), figure.people());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
