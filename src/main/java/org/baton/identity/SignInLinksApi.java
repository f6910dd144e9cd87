package org.baton.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Invitations", description = "Invitations and password resets by e-mail")
class SignInLinksApi {

  record Invited(int invited) {}

  record Acceptance(String token, String password) {}

  record ResetRequest(String email) {}

  private final SignInLinks links;

  SignInLinksApi(SignInLinks links) {
    this.links = links;
  }

  @PostMapping("/people/{id}/invitation")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Invite a person (admins): an e-mail with a link to choose a password, valid 7 days")
  SignInLinks.Link invite(@AuthenticationPrincipal BatonUser admin, @PathVariable long id) {
    return links.invite(admin, id);
  }

  @PostMapping("/teams/{id}/invitations")
  @Operation(summary = "Invite the members of a team who have never signed in (admins)")
  Invited inviteTeam(@AuthenticationPrincipal BatonUser admin, @PathVariable long id) {
    return new Invited(links.inviteTeam(admin, id));
  }

  @PostMapping("/invitations/accept")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @SecurityRequirements
  @Operation(summary = "Choose a password with an invitation's token (no sign-in needed)")
  void acceptInvitation(@RequestBody Acceptance acceptance, HttpServletRequest request) {
    accept(SignInLinks.Purpose.INVITATION, acceptance, request);
  }

  @PostMapping("/password-resets")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @SecurityRequirements
  @Operation(
      summary = "Ask for a password reset link by e-mail",
      description = "Always 202, whether or not the address belongs to someone.")
  void requestReset(@RequestBody ResetRequest reset) {
    links.requestReset(reset.email() == null ? "" : reset.email());
  }

  @PostMapping("/password-resets/accept")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @SecurityRequirements
  @Operation(summary = "Choose a new password with a reset's token (no sign-in needed)")
  void acceptReset(@RequestBody Acceptance acceptance, HttpServletRequest request) {
    accept(SignInLinks.Purpose.PASSWORD_RESET, acceptance, request);
  }

  private void accept(
      SignInLinks.Purpose purpose, Acceptance acceptance, HttpServletRequest request) {
    links.accept(purpose, acceptance.token(), acceptance.password(), request.getRemoteAddr());
  }
}
