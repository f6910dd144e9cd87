package org.baton.directory;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.baton.platform.Forms;
import org.baton.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins add, edit, deactivate and reactivate people and teams. */
@Controller
@RequestMapping("/admin")
class DirectoryAdminController {

  private final Directory directory;
  private final PeopleService people;
  private final TeamService teams;

  DirectoryAdminController(Directory directory, PeopleService people, TeamService teams) {
    this.directory = directory;
    this.people = people;
    this.teams = teams;
  }

  @GetMapping("/people/new")
  String newPerson(Model model) {
    model.addAttribute("form", new PersonForm());
    return personForm(model, null);
  }

  @PostMapping("/people")
  String createPerson(
      @ModelAttribute("form") PersonForm form,
      BindingResult result,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        result,
        response,
        () -> "redirect:/people/" + people.create(form.draft()).id() + "?saved",
        () -> personForm(model, null));
  }

  @GetMapping("/people/{id}/edit")
  String editPerson(@PathVariable long id, Model model) {
    Person person = directory.person(id);
    model.addAttribute("form", PersonForm.of(person));
    return personForm(model, person);
  }

  @PostMapping("/people/{id}")
  String updatePerson(
      @PathVariable long id,
      @ModelAttribute("form") PersonForm form,
      BindingResult result,
      HttpServletResponse response,
      Model model) {
    Person person = directory.person(id);
    return Forms.showAgain(
        result,
        response,
        () -> {
          people.update(id, form.draft());
          return "redirect:/people/" + id + "?saved";
        },
        () -> personForm(model, person));
  }

  @PostMapping("/people/{id}/active")
  String setPersonActive(
      @PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
    Person person = people.setActive(id, active);
    redirect.addFlashAttribute(
        "message", person.name() + (active ? " is active again." : " has been deactivated."));
    return "redirect:/people/" + id;
  }

  @GetMapping("/teams/new")
  String newTeam(@RequestParam(required = false) Long parentId, Model model) {
    TeamForm form = new TeamForm();
    form.setParentId(parentId);
    model.addAttribute("form", form);
    return teamForm(model, null);
  }

  @PostMapping("/teams")
  String createTeam(
      @ModelAttribute("form") TeamForm form,
      BindingResult result,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        result,
        response,
        () -> "redirect:/teams/" + teams.create(draft(form)).id() + "?saved",
        () -> teamForm(model, null));
  }

  @GetMapping("/teams/{id}/edit")
  String editTeam(@PathVariable long id, Model model) {
    Team team = directory.team(id);
    Person leader =
        team.leaderId() == null ? null : directory.findPerson(team.leaderId()).orElse(null);
    model.addAttribute("form", TeamForm.of(team, leader));
    return teamForm(model, team);
  }

  @PostMapping("/teams/{id}")
  String updateTeam(
      @PathVariable long id,
      @ModelAttribute("form") TeamForm form,
      BindingResult result,
      HttpServletResponse response,
      Model model) {
    Team team = directory.team(id);
    return Forms.showAgain(
        result,
        response,
        () -> {
          teams.update(id, draft(form));
          return "redirect:/teams/" + id + "?saved";
        },
        () -> teamForm(model, team));
  }

  @PostMapping("/teams/{id}/active")
  String setTeamActive(
      @PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
    String back = "redirect:/teams/" + id;
    return Forms.back(
        redirect,
        back,
        Map.of(),
        () -> {
          Team team = teams.setActive(id, active);
          redirect.addFlashAttribute(
              "message", team.name() + (active ? " is active again." : " has been deactivated."));
          return back;
        });
  }

  /** The leader is named by e-mail on the form; an unknown address is the leader field's error. */
  private TeamDraft draft(TeamForm form) {
    String email = form.getLeaderEmail() == null ? "" : form.getLeaderEmail().strip();
    Long leaderId = null;
    if (!email.isEmpty()) {
      leaderId =
          directory
              .findPersonByEmail(email)
              .map(Person::id)
              .orElseThrow(
                  () ->
                      new InvalidInputException("leaderEmail", "Nobody has this e-mail address."));
    }
    TeamDraft draft = new TeamDraft(form.getName(), form.getParentId(), leaderId);
    return draft;
  }

  private String personForm(Model model, Person person) {
    model.addAttribute("person", person);
    model.addAttribute("teams", directory.teams());
    model.addAttribute("perspectives", directory.perspectives());
    return "directory/person-form";
  }

  private String teamForm(Model model, Team team) {
    model.addAttribute("team", team);
    model.addAttribute("teams", directory.teams());
    return "directory/team-form";
  }
}
