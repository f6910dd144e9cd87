package org.baton.authority;

import org.baton.directory.Directory;
import org.baton.directory.Perspective;
import org.springframework.stereotype.Component;

/**
 * Words instead of codes on the pages: a kind of decision by its name ("Goodwill credit", not
 * {@code customer.goodwill}), a verdict as a person says it, a perspective by its name. Templates
 * ask it as {@code @words}; the API keeps the codes.
 */
@Component("words")
public class Words {

  private final CurrentPolicy currentPolicy;
  private final Directory directory;

  Words(CurrentPolicy currentPolicy, Directory directory) {
    this.currentPolicy = currentPolicy;
    this.directory = directory;
  }

  /** The name of a kind of decision; the code itself only for a kind the catalogue lacks. */
  public String type(String code) {
    if (code == null) {
      return "";
    }
    DecisionType type = currentPolicy.get().types().get(code);
    return type == null ? code : type.name();
  }

  /** A verdict (the enum or its name) in a person's words. */
  public String verdict(Object verdict) {
    String name = verdict == null ? "" : verdict.toString();
    return switch (name) {
      case "WITHIN_AUTHORITY" -> "yours to decide";
      case "NEEDS_ADVICE" -> "yours after advice";
      case "OUTSIDE_AUTHORITY" -> "not yours";
      default -> name.toLowerCase().replace('_', ' ');
    };
  }

  /**
   * Where something stands (an enum or its name), as a person says it: "waits for approval", not
   * {@code PROPOSED}.
   */
  public String state(Object state) {
    String name = state == null ? "" : state.toString();
    return switch (name) {
      case "PROPOSED" -> "waits for approval";
      case "OPEN" -> "open";
      default -> name.toLowerCase().replace('_', ' ');
    };
  }

  /** Every perspective, for the lists people choose them from. */
  public java.util.List<Perspective> perspectives() {
    return directory.perspectives();
  }

  /** A perspective by its name ("Production engineering"), its code where none is known. */
  public String perspective(String code) {
    return directory.perspectives().stream()
        .filter(p -> p.code().equals(code))
        .map(Perspective::name)
        .findFirst()
        .orElse(code == null ? "" : code);
  }
}
