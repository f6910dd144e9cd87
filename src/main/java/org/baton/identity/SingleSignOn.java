package org.baton.identity;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Single sign-on with OpenID Connect: who the identity provider says someone is, matched to a
 * person in Baton by e-mail address. The address must be one the provider has verified ({@code
 * email_verified}, or Entra ID's {@code xms_edov}) and belong to an active person; anything else is
 * refused with a reason the sign-in page explains. Sign-in never makes a person or an admin: it
 * finds the person an admin or SCIM has added, and gives them a member account if they had none.
 */
@Component
class SingleSignOn implements OAuth2UserService<OidcUserRequest, OidcUser> {

  /** The e-mail address is missing or the provider has not verified it. */
  static final String UNVERIFIED_EMAIL = "unverified_email";

  /** No active person has the e-mail address. */
  static final String UNKNOWN_PERSON = "unknown_person";

  private final OidcUserService provider = new OidcUserService();
  private final Accounts accounts;

  SingleSignOn(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser identity = provider.loadUser(request);
    if (identity.getEmail() == null || !verified(identity)) {
      throw refused(UNVERIFIED_EMAIL, "The identity provider has not verified the e-mail address.");
    }
    BatonUser user =
        accounts
            .signInWithVerifiedEmail(identity.getEmail())
            .orElseThrow(
                () -> refused(UNKNOWN_PERSON, "No active person has this e-mail address."));
    return new Identified(identity, user);
  }

  private static boolean verified(OidcUser identity) {
    return Boolean.TRUE.equals(identity.getEmailVerified())
        || Boolean.TRUE.equals(identity.getClaimAsBoolean("xms_edov"));
  }

  private static OAuth2AuthenticationException refused(String code, String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
  }

  /**
   * The provider's identity and the account it signs in to. Once sign-in has succeeded only the
   * account stays in the session, so that every page and API call sees a {@link BatonUser}, however
   * its holder signed in.
   */
  static final class Identified extends DefaultOidcUser {

    private final BatonUser user;

    Identified(OidcUser identity, BatonUser user) {
      super(user.getAuthorities(), identity.getIdToken(), identity.getUserInfo());
      this.user = user;
    }

    BatonUser user() {
      return user;
    }
  }
}
