package org.baton.directory;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.baton.platform.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Browsing the directory: people search, a person, the team tree, a team. */
@Controller
class DirectoryController {

  static final int PAGE_SIZE = 20;

  private final Directory directory;

  DirectoryController(Directory directory) {
    this.directory = directory;
  }

  /** The search page; as you type, htmx asks the same handler for just the results. */
  private static final int PICKER_SIZE = 8;

  @GetMapping("/people")
  String people(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("q", q);
    model.addAttribute("results", directory.searchPeople(q, page, PAGE_SIZE));
    return Htmx.view(request, "directory/people", "results");
  }

  /**
   * Suggestions for the people picker (fragments/forms :: person): the first active people matching
   * what was typed, whatever the picker's field is called, as datalist options. In a field that
   * takes several people separated by commas, only the last name is looked up, and each option
   * keeps the ones before it, so choosing adds a person rather than replacing all.
   */
  @GetMapping("/people/picker")
  String picker(@RequestParam MultiValueMap<String, String> typed, Model model) {
    String text = typed.values().stream().flatMap(List::stream).findFirst().orElse("");
    int lastComma = text.lastIndexOf(',');
    String before = lastComma < 0 ? "" : text.substring(0, lastComma + 1) + " ";
    String wanted = text.substring(lastComma + 1).strip();
    model.addAttribute("before", before.stripLeading());
    model.addAttribute(
        "people",
        wanted.isEmpty() ? List.of() : directory.searchPeople(wanted, 0, PICKER_SIZE).items());
    return "directory/picker :: options";
  }

  @GetMapping("/people/{id}")
  String person(@PathVariable long id, Model model) {
    Person person = directory.person(id);
    model.addAttribute("person", person);
    model.addAttribute("leader", directory.leaderOf(person).orElse(null));
    model.addAttribute(
        "teamPath",
        person.teamId() == null
            ? java.util.List.of()
            : directory.teamTree().ancestorsFromRoot(person.teamId()));
    return "directory/person";
  }

  @GetMapping("/teams")
  String teams(Model model) {
    model.addAttribute("tree", directory.teamTree());
    return "directory/teams";
  }

  @GetMapping("/teams/{id}")
  String team(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    Team team = directory.team(id);
    TeamTree tree = directory.teamTree();
    model.addAttribute("team", team);
    model.addAttribute("ancestors", tree.ancestorsFromRoot(id));
    model.addAttribute("subTeams", tree.children(id));
    model.addAttribute("members", directory.activeMembersOf(id, page, PAGE_SIZE));
    return Htmx.view(request, "directory/team", "members");
  }
}
