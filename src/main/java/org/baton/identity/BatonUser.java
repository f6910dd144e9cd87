package org.baton.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.baton.platform.InvalidInputException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account: a person (signing in with their e-mail) or an operator account such as the
 * bootstrap admin, which has no person.
 */
public final class BatonUser implements UserDetails, CredentialsContainer {

  private final long accountId;
  private final Long personId;
  private final String username;
  private final String displayName;
  private final boolean admin;
  private final boolean enabled;
  private String passwordHash;
  private final Set<String> permissions;

  BatonUser(
      long accountId,
      Long personId,
      String username,
      String displayName,
      boolean admin,
      boolean enabled,
      String passwordHash) {
    this(accountId, personId, username, displayName, admin, enabled, passwordHash, Set.of());
  }

  BatonUser(
      long accountId,
      Long personId,
      String username,
      String displayName,
      boolean admin,
      boolean enabled,
      String passwordHash,
      Set<String> permissions) {
    this.permissions = Set.copyOf(permissions);
    this.accountId = accountId;
    this.personId = personId;
    this.username = username;
    this.displayName = displayName;
    this.admin = admin;
    this.enabled = enabled;
    this.passwordHash = passwordHash;
  }

  public long accountId() {
    return accountId;
  }

  /** Whether this account is the person with this id (an operator account is nobody). */
  public boolean isPerson(Long id) {
    return personId != null && personId.equals(id);
  }

  /** The person acting, or null for an operator account. */
  public Long personId() {
    return personId;
  }

  /**
   * The person acting, for what only people do. An operator account or an integration that is no
   * person gets one answer in every module: 422, on {@code field}, "Sign in as yourself: " and why
   * (a person could do it; this account cannot).
   */
  public long requirePerson(String field, String why) {
    if (personId == null) {
      throw new InvalidInputException(field, "Sign in as yourself: " + why);
    }
    return personId;
  }

  public String displayName() {
    return displayName;
  }

  public boolean isAdmin() {
    return admin;
  }

  /**
   * A right given to the API token this request came with, beyond the account's own, such as
   * checking authority for other people.
   */
  public boolean hasPermission(String permission) {
    return permissions.contains(permission);
  }

  /**
   * Whether this request came with an integration token (one with permissions): it acts within
   * those permissions and a member's rights, and may never manage tokens.
   */
  public boolean isIntegration() {
    return !permissions.isEmpty();
  }

  /**
   * The account acting through an integration token: exactly the token's permissions on top of a
   * member's rights, never the owner's admin rights (least privilege for other systems).
   */
  BatonUser asIntegration(Set<String> tokenPermissions) {
    return new BatonUser(
        accountId, personId, username, displayName, false, enabled, null, tokenPermissions);
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return admin
        ? List.of(
            new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_MEMBER"))
        : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
