package org.baton.identity;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with API tokens, each a plain question with its refusal beside it:
 *
 * <ul>
 *   <li>Create, list and revoke tokens: any signed-in account through its session or its own
 *       personal token, never an integration token (its token would carry its owner's full rights,
 *       and list or revoke would reach its owner's other tokens).
 *   <li>Give a token permissions beyond its owner's own rights: admins only.
 *   <li>A token is revoked by its owner (another's is not found, see {@code ApiTokens.revoke}).
 * </ul>
 */
final class TokenPermissions {

  private TokenPermissions() {}

  static boolean mayManageTokens(BatonUser actor) {
    return !actor.isIntegration();
  }

  static boolean mayGivePermissions(BatonUser actor) {
    return actor.isAdmin();
  }

  static void requireManageTokens(BatonUser actor) {
    if (!mayManageTokens(actor)) {
      throw new AccessDeniedException("An integration token cannot create, list or revoke tokens.");
    }
  }
}
