package org.baton.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in account and its personal API tokens")
class MeApi {

  record Me(long accountId, @Schema(nullable = true) Long personId, String name, boolean admin) {}

  /** A new token; {@code permissions} (admins only) lets an integration act beyond its owner. */
  record NewToken(String name, java.util.Set<String> permissions) {}

  private final ApiTokens tokens;

  MeApi(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping
  @Operation(summary = "The signed-in account and person")
  Me me(@AuthenticationPrincipal BatonUser me) {
    return new Me(me.accountId(), me.personId(), me.displayName(), me.isAdmin());
  }

  @GetMapping("/tokens")
  @Operation(summary = "Your personal API tokens (never their secrets)")
  List<ApiTokens.TokenInfo> tokens(@AuthenticationPrincipal BatonUser me) {
    return tokens.list(me);
  }

  /** The answer holds the token's secret; it is never shown again. */
  @PostMapping("/tokens")
  @Operation(
      summary =
          "Create a personal API token, optionally limited to permissions; the secret is shown once")
  @ResponseStatus(HttpStatus.CREATED)
  ApiTokens.CreatedToken create(
      @AuthenticationPrincipal BatonUser me, @RequestBody(required = false) NewToken request) {
    return request == null
        ? tokens.create(me, null)
        : tokens.create(me, request.name(), request.permissions());
  }

  @DeleteMapping("/tokens/{id}")
  @Operation(summary = "Revoke one of your tokens")
  ApiTokens.TokenInfo revoke(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return tokens.revoke(me, id);
  }
}
