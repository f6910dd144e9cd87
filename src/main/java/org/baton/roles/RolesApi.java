package org.baton.roles;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.baton.identity.BatonUser;
import org.baton.platform.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Circles, roles, applications and their conversations, and one's role profile, over the API. */
@RestController
@RequestMapping("/api/v1")
class RolesApi {

  record HandBody(Long personId, Long fromPersonId, String note) {}

  record NoteBody(String note) {}

  private final Roles roles;
  private final RoleProfiles roleProfiles;
  private final Applications applications;
  private final RolesPermissions permissions;

  private final RoleHoldingApprovals holdingApprovals;

  RolesApi(
      Roles roles,
      RoleProfiles roleProfiles,
      Applications applications,
      RolesPermissions permissions,
      RoleHoldingApprovals holdingApprovals) {
    this.holdingApprovals = holdingApprovals;
    this.roles = roles;
    this.roleProfiles = roleProfiles;
    this.applications = applications;
    this.permissions = permissions;
  }

  @GetMapping("/circles")
  @Operation(summary = "Every circle")
  List<Circle> circles() {
    return roles.circles();
  }

  @PostMapping("/circles")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Make a circle (admins); a team's circle is led by its leader by default")
  Circle createCircle(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) RoleDrafts.CircleDraft draft) {
    return roles.createCircle(
        me, draft == null ? new RoleDrafts.CircleDraft(null, null, null, null) : draft);
  }

  @GetMapping("/circles/{id}")
  @Operation(summary = "A circle with its roles")
  Roles.CircleView circle(@PathVariable long id) {
    return roles.circleView(id);
  }

  @GetMapping("/roles")
  @Operation(summary = "Roles newest first; open=true for the open ones only")
  PageOf<Role> roles(
      @RequestParam(defaultValue = "false") boolean open,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return roles.roles(open, page, size);
  }

  @PostMapping("/roles")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Make a role in a circle (its lead, or admins)")
  Role createRole(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) RoleDrafts.RoleDraft draft) {
    return roles.createRole(
        me,
        draft == null
            ? new RoleDrafts.RoleDraft(
                null, null, null, null, null, null, null, null, null, null, null, null)
            : draft);
  }

  @GetMapping("/roles/{id}")
  @Operation(summary = "A role: its holders, history and the authority rules it holds")
  Roles.RoleView role(@PathVariable long id) {
    return roles.roleView(id);
  }

  @PutMapping("/roles/{id}")
  @Operation(summary = "Change a role (its circle's lead, or admins); open/circleId are ignored")
  Role changeRole(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) RoleDrafts.RoleDraft draft) {
    return roles.changeRole(
        me,
        id,
        draft == null
            ? new RoleDrafts.RoleDraft(
                null, null, null, null, null, null, null, null, null, null, null, null)
            : draft);
  }

  @PostMapping("/roles/{id}/open")
  @Operation(summary = "Open a role for applications (its lead)")
  Role open(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return roles.setOpen(me, id, true);
  }

  @PostMapping("/roles/{id}/close")
  @Operation(summary = "Close a role for applications (its lead)")
  Role close(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return roles.setOpen(me, id, false);
  }

  @PostMapping("/roles/{id}/holders")
  @Operation(
      summary =
          "Hand the role to someone, optionally in place of a holder (its lead): a baton pass")
  Roles.RoleView hand(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) HandBody body) {
    return body == null
        ? roles.handTo(me, id, null, null, null)
        : roles.handTo(me, id, body.personId(), body.fromPersonId(), body.note());
  }

  @PostMapping("/roles/{id}/holders/{personId}/approval")
  @Operation(
      summary =
          "Approve a proposed holding (an owner of a rule the role holds, or an admin): the"
              + " role's authority is granted once every owner has approved")
  Roles.RoleView approveHolding(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @PathVariable long personId) {
    holdingApprovals.approve(me, id, personId);
    return roles.roleView(id);
  }

  @PostMapping("/roles/{id}/holders/{personId}/end")
  @Operation(summary = "End a holding: the holder leaves, or the lead ends it, with a reason")
  Roles.RoleView end(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long personId,
      @RequestBody(required = false) NoteBody body) {
    return roles.leave(me, id, personId, body == null ? null : body.note());
  }

  @GetMapping("/roles/{id}/applications")
  @Operation(
      summary = "A role's applications the caller may see",
      description =
          "All of them for the circle's lead; otherwise one's own and those one is asked"
              + " about as team leader.")
  List<RoleApplication> applications(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return applications.forRole(me, id);
  }

  @PostMapping("/roles/{id}/applications")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Apply to an open role: passion, knowledge, network and time")
  RoleApplication apply(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) RoleDrafts.ApplicationDraft draft) {
    return applications.apply(
        me,
        id,
        draft == null
            ? new RoleDrafts.ApplicationDraft(null, null, null, null, null, null, null)
            : draft);
  }

  @GetMapping("/roles/{id}/applications/{aid}")
  @Operation(summary = "An application with its thread (applicant, circle lead, team leader)")
  Applications.ApplicationView application(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @PathVariable long aid) {
    return applications.view(me, id, aid);
  }

  @PostMapping("/roles/{id}/applications/{aid}/messages")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Write in an application's thread (the applicant or the circle's lead)")
  ApplicationMessage message(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      @RequestBody(required = false) RoleDrafts.MessageDraft draft) {
    return applications.message(me, id, aid, draft == null ? null : draft.body());
  }

  @PostMapping("/roles/{id}/applications/{aid}/time")
  @Operation(summary = "The applicant's team leader: CONFIRMED, ADJUSTED (hours, note) or DISCUSS")
  Applications.ApplicationView time(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      @RequestBody(required = false) RoleDrafts.TimeDraft draft) {
    return applications.answerTime(
        me, id, aid, draft == null ? new RoleDrafts.TimeDraft(null, null, null) : draft);
  }

  @PostMapping("/roles/{id}/applications/{aid}/match")
  @Operation(
      summary = "Propose a match, or agree to the other side's",
      description =
          "The lead or the applicant proposes {hoursPerWeek, until, commitment}; the"
              + " other side sends the same terms, or an empty body, to agree: the role is then the"
              + " applicant's if a seat is free. Other terms are a new proposal.")
  Applications.ApplicationView match(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      @RequestBody(required = false) RoleDrafts.MatchDraft draft) {
    return applications.match(
        me, id, aid, draft == null ? new RoleDrafts.MatchDraft(null, null, null) : draft);
  }

  @PostMapping("/roles/{id}/applications/{aid}/decline")
  @Operation(summary = "Decline an application (the circle's lead), with a reason")
  Applications.ApplicationView decline(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      @RequestBody(required = false) RoleDrafts.DeclineDraft draft) {
    return applications.decline(me, id, aid, draft == null ? null : draft.reason());
  }

  @PostMapping("/roles/{id}/applications/{aid}/withdraw")
  @Operation(summary = "Withdraw one's application")
  Applications.ApplicationView withdraw(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @PathVariable long aid) {
    return applications.withdraw(me, id, aid);
  }

  @GetMapping("/me/role-profile")
  @Operation(summary = "One's role profile: open to roles, interests, hours one can give")
  RoleProfile profile(@AuthenticationPrincipal BatonUser me) {
    return roleProfiles.profile(permissions.requirePerson(me));
  }

  @PutMapping("/me/role-profile")
  @Operation(summary = "Change one's role profile")
  RoleProfile saveProfile(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) RoleDrafts.ProfileDraft draft) {
    return roleProfiles.saveProfile(
        me, draft == null ? new RoleDrafts.ProfileDraft(false, null, null) : draft);
  }
}
