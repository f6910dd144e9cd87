package org.baton.roles;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.authority.AuthorityAdministration;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.Forms;
import org.baton.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roles pages: open roles and circles, a circle, a role (its holders, authority, history,
 * applications, and for its lead who might fit), the role form, an application with its thread, a
 * person's roles on their page, and one's own role profile.
 */
@Controller
class RolesController {

  private static final String HANDED = "Handed on. Their authority changed at once.";
  private static final String HANDED_WAITING =
      "Handed on. The role's authority waits for its rules' owners to approve.";

  private final Roles roles;
  private final RoleProfiles roleProfiles;
  private final Applications applications;
  private final Directory directory;
  private final AuthorityAdministration authority;
  private final RolesPermissions permissions;

  RolesController(
      Roles roles,
      RoleProfiles roleProfiles,
      Applications applications,
      Directory directory,
      AuthorityAdministration authority,
      RolesPermissions permissions) {
    this.roles = roles;
    this.roleProfiles = roleProfiles;
    this.applications = applications;
    this.directory = directory;
    this.authority = authority;
    this.permissions = permissions;
  }

  @GetMapping("/roles")
  String list(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("open", roles.roles(true, page, 20));
    model.addAttribute("circles", roles.circles());
    model.addAttribute("mine", applications.involving(me));
    model.addAttribute("teams", directory.teams());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
    return "roles/roles";
  }

  @PostMapping("/roles/circles")
  String createCircle(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          List<FieldProblem> problems = new java.util.ArrayList<>();
          List<Long> lead = RoleForms.people(form.get("lead"), "lead", directory, problems);
          InvalidInputException.throwIfAny(problems);
          String team = form.getOrDefault("teamId", "");
          if (!team.isBlank() && !team.matches("\\d{1,18}")) {
            throw new InvalidInputException("teamId", "Choose a team from the list.");
          }
          Circle circle =
              roles.createCircle(
                  me,
                  new RoleDrafts.CircleDraft(
                      form.get("name"),
                      form.get("purpose"),
                      team.isBlank() ? null : Long.valueOf(team),
                      lead.isEmpty() ? null : lead.get(0)));
          return "redirect:/roles/circles/" + circle.id();
        },
        () -> list(me, 0, model),
        "leadPersonId",
        "lead");
  }

  @GetMapping("/roles/circles/{id}")
  String circle(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    Roles.CircleView circle = roles.circleView(id);
    model.addAttribute("view", circle);
    model.addAttribute("keeper", permissions.mayKeepRoles(me, circle.circle()));
    return "roles/circle";
  }

  @GetMapping("/roles/circles/{id}/roles/new")
  String newRole(
      @AuthenticationPrincipal BatonUser me, @PathVariable("id") long circle, Model model) {
    Circle c = roles.circle(circle);
    permissions.requireKeepRoles(me, c);
    model.addAttribute("circle", c);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
    model.addAttribute("types", authority.types());
    model.addAttribute("perspectives", directory.perspectives());
    return "roles/role-form";
  }

  @PostMapping("/roles/circles/{id}/roles")
  String createRole(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable("id") long circle,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    permissions.requireKeepRoles(me, roles.circle(circle));
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          Role role = roles.createRole(me, RoleForms.role(form, circle, directory));
          return "redirect:/roles/" + role.id();
        },
        () -> newRole(me, circle, model));
  }

  @GetMapping("/roles/{id}/edit")
  String editRole(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    Role role = roles.role(id);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", RoleForms.of(role));
    }
    model.addAttribute("role", role);
    return newRole(me, role.circleId(), model);
  }

  @PostMapping("/roles/{id}")
  String changeRole(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    Role role = roles.role(id);
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          roles.changeRole(me, id, RoleForms.role(form, role.circleId(), directory));
          return "redirect:/roles/" + id;
        },
        () -> editRole(me, id, model));
  }

  @GetMapping("/roles/{id}")
  String role(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    Roles.RoleView view = roles.roleView(id);
    model.addAttribute("view", view);
    model.addAttribute("keeper", permissions.mayKeepRoles(me, view.circle()));
    model.addAttribute("mayApprove", RoleHoldingApprovals.approvableBy(me, view.awaited()));
    model.addAttribute("applications", applications.forRole(me, id));
    model.addAttribute("waiting", applications.countLive(id));
    model.addAttribute("suggestions", roles.suggestions(me, id));
    model.addAttribute("holding", view.holders().stream().anyMatch(h -> me.isPerson(h.personId())));
    model.addAttribute("perspectives", directory.perspectives());
    model.addAttribute(
        "profile", me.personId() == null ? null : roleProfiles.profile(me.personId()));
    if (!model.containsAttribute("form")) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("hoursPerWeek", view.role().hoursPerWeek().toPlainString());
      model.addAttribute("form", form);
    }
    return "roles/role";
  }

  @PostMapping("/roles/{id}/open")
  String setOpen(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean open,
      RedirectAttributes redirect) {
    roles.setOpen(me, id, open);
    redirect.addFlashAttribute(
        "message", open ? "The role is open: people can apply." : "The role is closed.");
    return "redirect:/roles/" + id;
  }

  @PostMapping("/roles/{id}/holders")
  String handTo(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String person,
      @RequestParam(required = false) Long from,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    permissions.requireKeepRoles(me, roles.circle(roles.role(id).circleId()));
    String back = "redirect:/roles/" + id;
    return Forms.back(
        redirect,
        back,
        "handErrors",
        Map.of(
            "handPerson",
            person,
            "handNote",
            note,
            "handFrom",
            from == null ? "" : from.toString()),
        () -> {
          long to = directory.resolvePerson(person, "person").id();
          Roles.RoleView handed = roles.handTo(me, id, to, from, note);
          boolean waits = handed.awaited().stream().anyMatch(w -> w.holderPersonId() == to);
          redirect.addFlashAttribute("message", waits ? HANDED_WAITING : HANDED);
          return back;
        });
  }

  @PostMapping("/roles/{id}/holders/{personId}/end")
  String end(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long personId,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    String back = "redirect:/roles/" + id;
    return Forms.back(
        redirect,
        back,
        "endErrors",
        Map.of("endFor", personId, "endNote", note),
        () -> {
          roles.leave(me, id, personId, note);
          redirect.addFlashAttribute("message", "The holding ended, and the authority with it.");
          return back;
        },
        "note",
        "end-" + personId);
  }

  @PostMapping("/roles/{id}/applications")
  String apply(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          RoleApplication application =
              applications.apply(me, id, RoleForms.application(form, directory));
          return "redirect:/roles/" + id + "/applications/" + application.id();
        },
        () -> role(me, id, model));
  }

  /** The roles a person holds and their hours, a fragment of their page. */
  @GetMapping("/people/{id}/roles")
  String personRoles(@PathVariable long id, Model model) {
    model.addAttribute("person", directory.person(id));
    model.addAttribute("held", roleProfiles.heldBy(id));
    model.addAttribute("profile", roleProfiles.profile(id));
    return "roles/person-roles :: roles";
  }

  @GetMapping("/me/roles")
  String myProfile(@AuthenticationPrincipal BatonUser me, Model model) {
    long person = permissions.requirePerson(me);
    RoleProfile profile = roleProfiles.profile(person);
    if (!model.containsAttribute("form")) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("openToRoles", Boolean.toString(profile.openToRoles()));
      form.put("interests", String.join(", ", profile.interests()));
      form.put(
          "hoursAvailable",
          profile.hoursAvailable() == null ? "" : profile.hoursAvailable().toPlainString());
      model.addAttribute("form", form);
    }
    model.addAttribute("profile", profile);
    model.addAttribute("held", roleProfiles.heldBy(person));
    model.addAttribute("mine", applications.involving(me));
    return "roles/profile";
  }

  @PostMapping("/me/roles")
  String saveProfile(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          roleProfiles.saveProfile(me, RoleForms.profile(form));
          redirect.addFlashAttribute("message", "Saved.");
          return "redirect:/me/roles";
        },
        () -> myProfile(me, model));
  }
}
