package org.baton.provisioning;

import com.unboundid.scim2.common.exceptions.ForbiddenException;
import org.baton.identity.BatonUser;
import org.springframework.stereotype.Component;

/**
 * Who may provision. Only an integration token with the permission {@code scim}, which an admin
 * creates ({@code POST /api/v1/me/tokens} with {@code "permissions": ["scim"]}). Its bounds: it
 * adds people, changes their name, e-mail address, title and phone, moves them between teams,
 * deactivates and reactivates them, and adds, renames, nests and removes teams. It never makes an
 * admin or an account, never sets a password, never reads or changes authority, decisions,
 * initiatives or advice, and cannot sign in to pages. Admins themselves use the pages and the
 * directory API; their own sessions and tokens are refused here, so that a provider's token is the
 * only thing that writes through SCIM.
 */
@Component
class ScimPermissions {

  static final String SCIM = "scim";

  void requireProvisioner(BatonUser actor) throws ForbiddenException {
    if (actor == null || !actor.hasPermission(SCIM)) {
      throw new ForbiddenException("SCIM needs a token with the permission scim.");
    }
  }
}
