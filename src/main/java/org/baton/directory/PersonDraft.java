package org.baton.directory;

import java.util.ArrayList;
import java.util.List;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextRules;

/**
 * What an admin enters for a person, before it is checked. {@link #problems()} lists what is wrong
 * with the fields on their own; the service adds what needs the database (a taken e-mail).
 *
 * @param perspectives perspective codes
 */
public record PersonDraft(
    String email,
    String name,
    String title,
    Long teamId,
    String location,
    String phone,
    List<String> perspectives) {

  static final int MAX_TEXT = 200;

  public PersonDraft {
    email = email == null ? "" : Email.normalise(email);
    name = TextRules.orEmpty(name);
    title = TextRules.orEmpty(title);
    location = TextRules.orEmpty(location);
    phone = TextRules.orEmpty(phone);
    perspectives = perspectives == null ? List.of() : List.copyOf(perspectives);
  }

  List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>();
    if (email.isEmpty()) {
      problems.add(new FieldProblem("email", "Enter an e-mail address."));
    } else if (!Email.isValid(email)) {
      problems.add(new FieldProblem("email", "Enter an e-mail address like name@example.com."));
    }
    if (name.isEmpty()) {
      problems.add(new FieldProblem("name", "Enter the person's name."));
    }
    tooLong("name", name, problems);
    tooLong("title", title, problems);
    tooLong("location", location, problems);
    tooLong("phone", phone, problems);
    return problems;
  }

  private static void tooLong(String field, String value, List<FieldProblem> problems) {
    if (value.length() > MAX_TEXT) {
      problems.add(new FieldProblem(field, TextRules.tooLong(MAX_TEXT)));
    }
  }
}
