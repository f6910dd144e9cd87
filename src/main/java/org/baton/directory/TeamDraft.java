package org.baton.directory;

import java.util.ArrayList;
import java.util.List;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;

/** What an admin enters for a team: its name, parent team and leader. */
public record TeamDraft(String name, Long parentId, Long leaderId) {

  public TeamDraft {
    name = name == null ? "" : name.strip();
  }

  List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>();
    if (name.isEmpty()) {
      problems.add(new FieldProblem("name", "Enter the team's name."));
    } else if (name.length() > PersonDraft.MAX_TEXT) {
      problems.add(new FieldProblem("name", TextRules.tooLong(TextLimits.NAME)));
    }
    return problems;
  }
}
