package org.baton.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.baton.platform.CsvReader;

/**
 * The rules an import file must meet before anything is written: the columns, each value, no e-mail
 * twice, one parent and one leader per team, and no team below itself. It collects every problem,
 * by line and column, so that a file is fixed in one go.
 */
final class ImportFilePolicy {

  static final List<String> COLUMNS =
      List.of(
          "email",
          "name",
          "title",
          "team",
          "parent_team",
          "team_leader",
          "perspectives",
          "location",
          "phone");
  static final List<String> REQUIRED = List.of("email", "name", "team");
  static final int MAX_ROWS = 50_000;
  static final int MAX_PROBLEMS = 200;

  /** Existing teams by lower-case name, with their parent's name (or null). */
  private final Map<String, String> existingParents;

  private final Map<String, String> existingNames;

  ImportFilePolicy(List<Team> existingTeams) {
    Map<Long, Team> byId = new HashMap<>();
    existingTeams.forEach(team -> byId.put(team.id(), team));
    this.existingParents = new HashMap<>();
    this.existingNames = new HashMap<>();
    for (Team team : existingTeams) {
      Team parent = team.parentId() == null ? null : byId.get(team.parentId());
      existingParents.put(key(team.name()), parent == null ? null : key(parent.name()));
      existingNames.put(key(team.name()), team.name());
    }
  }

  sealed interface Outcome permits Accepted, Refused {}

  record Accepted(ImportPlan plan) implements Outcome {}

  record Refused(List<ImportProblem> problems) implements Outcome {}

  Outcome check(List<CsvReader.Record> records) {
    Problems problems = new Problems();
    if (records.isEmpty()) {
      problems.add(0, "", "The file is empty. The first line names the columns: " + COLUMNS);
      return problems.refusal();
    }
    Map<String, Integer> columns = header(records.get(0), problems);
    if (!problems.isEmpty()) {
      return problems.refusal();
    }
    if (records.size() - 1 > MAX_ROWS) {
      problems.add(0, "", "The file has more than " + MAX_ROWS + " people; split it.");
      return problems.refusal();
    }
    if (records.size() == 1) {
      problems.add(0, "", "The file has a header but no people.");
      return problems.refusal();
    }

    List<ImportPlan.Row> rows = new ArrayList<>();
    Map<String, Integer> emailLines = new HashMap<>();
    Map<String, String> teamNames = new LinkedHashMap<>(); // key → name as first written
    Map<String, String> parents = new LinkedHashMap<>(); // key → parent key
    Map<String, Integer> parentLines = new HashMap<>();
    Map<String, String> leaders = new LinkedHashMap<>();
    Map<String, Integer> leaderLines = new HashMap<>();

    for (CsvReader.Record record : records.subList(1, records.size())) {
      int line = record.line();
      if (record.values().size() != columns.size()) {
        problems.add(
            line,
            "",
            "Expected "
                + columns.size()
                + " values as in the header, found "
                + record.values().size()
                + ".");
        continue;
      }
      Map<String, String> v = new HashMap<>();
      columns.forEach((column, index) -> v.put(column, record.values().get(index).strip()));

      String email = v.getOrDefault("email", "");
      if (email.isEmpty()) {
        problems.add(line, "email", "The e-mail address is missing.");
      } else if (!Email.isValid(email)) {
        problems.add(line, "email", "\"" + email + "\" is not an e-mail address.");
      } else {
        email = Email.normalise(email);
        Integer first = emailLines.putIfAbsent(email, line);
        if (first != null) {
          problems.add(line, "email", "The same e-mail address is already on line " + first + ".");
        }
      }
      String name = v.getOrDefault("name", "");
      if (name.isEmpty()) {
        problems.add(line, "name", "The name is missing.");
      }
      for (String column : List.of("name", "title", "location", "phone", "team", "parent_team")) {
        if (v.getOrDefault(column, "").length() > PersonDraft.MAX_TEXT) {
          problems.add(line, column, "Longer than " + PersonDraft.MAX_TEXT + " characters.");
        }
      }
      String team = v.getOrDefault("team", "");
      if (team.isEmpty()) {
        problems.add(line, "team", "The team is missing.");
      } else {
        teamNames.putIfAbsent(key(team), team);
      }
      String parent = v.getOrDefault("parent_team", "");
      if (!parent.isEmpty() && !team.isEmpty()) {
        teamNames.putIfAbsent(key(parent), parent);
        String previous = parents.putIfAbsent(key(team), key(parent));
        if (previous == null) {
          parentLines.put(key(team), line);
        } else if (!previous.equals(key(parent))) {
          problems.add(
              line,
              "parent_team",
              "Team \""
                  + team
                  + "\" already has the parent \""
                  + teamNames.get(previous)
                  + "\" on line "
                  + parentLines.get(key(team))
                  + ".");
        }
      }
      Boolean leader = yesNo(v.getOrDefault("team_leader", ""));
      if (leader == null) {
        problems.add(line, "team_leader", "Write yes or no (or leave it empty).");
      } else if (leader && !team.isEmpty()) {
        Integer first = leaderLines.putIfAbsent(key(team), line);
        if (first != null) {
          problems.add(
              line,
              "team_leader",
              "Team \"" + team + "\" already has a leader on line " + first + ".");
        } else {
          leaders.put(key(team), email);
        }
      }
      List<String> perspectives =
          Arrays.stream(v.getOrDefault("perspectives", "").split(";"))
              .map(String::strip)
              .filter(p -> !p.isEmpty())
              .distinct()
              .toList();
      for (String perspective : perspectives) {
        if (Perspective.codeFor(perspective).isEmpty() || perspective.length() > 100) {
          problems.add(line, "perspectives", "\"" + perspective + "\" is not a perspective name.");
        }
      }
      rows.add(
          new ImportPlan.Row(
              line,
              email,
              name,
              v.getOrDefault("title", ""),
              team,
              v.getOrDefault("location", ""),
              v.getOrDefault("phone", ""),
              perspectives));
      if (problems.isFull()) {
        break;
      }
    }

    checkTree(teamNames, parents, parentLines, problems);
    if (!problems.isEmpty()) {
      return problems.refusal();
    }
    return new Accepted(plan(rows, teamNames, parents, leaders));
  }

  private Map<String, Integer> header(CsvReader.Record header, Problems problems) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.values().size(); i++) {
      String column = header.values().get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(column)) {
        problems.add(
            1, column, "Unknown column \"" + column + "\". The columns are " + COLUMNS + ".");
      } else if (columns.putIfAbsent(column, i) != null) {
        problems.add(1, column, "The column \"" + column + "\" appears twice.");
      }
    }
    for (String required : REQUIRED) {
      if (!columns.containsKey(required) && !problems.isFull()) {
        problems.add(1, required, "The column \"" + required + "\" is missing.");
      }
    }
    return columns;
  }

  /**
   * No team may end up below itself, counting the existing tree with the file's changes. A parent
   * named only as a parent becomes a new top-level team.
   */
  private void checkTree(
      Map<String, String> teamNames,
      Map<String, String> parents,
      Map<String, Integer> parentLines,
      Problems problems) {
    Map<String, String> merged = new HashMap<>(existingParents);
    merged.putAll(parents);
    for (Map.Entry<String, String> entry : parents.entrySet()) {
      String team = entry.getKey();
      int line = parentLines.get(team);
      List<String> path = new ArrayList<>(List.of(team));
      Set<String> seen = new LinkedHashSet<>(path);
      String current = merged.get(team);
      while (current != null) {
        path.add(current);
        if (!seen.add(current)) {
          if (current.equals(team)) {
            problems.add(
                line,
                "parent_team",
                "Team \""
                    + nameOf(team, teamNames)
                    + "\" would be its own ancestor: "
                    + String.join(" → ", path.stream().map(k -> nameOf(k, teamNames)).toList())
                    + ".");
          }
          break;
        }
        current = merged.get(current);
      }
    }
  }

  private String nameOf(String key, Map<String, String> teamNames) {
    return teamNames.getOrDefault(key, existingNames.getOrDefault(key, key));
  }

  private ImportPlan plan(
      List<ImportPlan.Row> rows,
      Map<String, String> teamNames,
      Map<String, String> parents,
      Map<String, String> leaders) {
    // New teams in an order where every parent comes before its children.
    List<String> newTeams = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>(existingParents.keySet());
    List<String> pending =
        new ArrayList<>(teamNames.keySet().stream().filter(k -> !placed.contains(k)).toList());
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (var it = pending.iterator(); it.hasNext(); ) {
        String team = it.next();
        String parent = parents.get(team);
        if (parent == null || placed.contains(parent)) {
          newTeams.add(teamNames.get(team));
          placed.add(team);
          it.remove();
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("cycle passed the check: " + pending);
      }
    }
    Map<String, String> parentNames = new LinkedHashMap<>();
    parents.forEach((team, parent) -> parentNames.put(team, nameOf(parent, teamNames)));
    return new ImportPlan(rows, newTeams, parentNames, leaders);
  }

  static String key(String teamName) {
    return teamName.strip().toLowerCase(Locale.ROOT);
  }

  private static Boolean yesNo(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "", "no", "false", "0", "n" -> false;
      case "yes", "true", "1", "y" -> true;
      default -> null;
    };
  }

  private static final class Problems {
    private final List<ImportProblem> list = new ArrayList<>();

    void add(int line, String column, String message) {
      if (!isFull()) {
        list.add(new ImportProblem(line, column, message));
      }
    }

    boolean isFull() {
      return list.size() >= MAX_PROBLEMS;
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    Refused refusal() {
      return new Refused(List.copyOf(list));
    }
  }
}
