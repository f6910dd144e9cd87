package org.baton.identity;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.baton.directory.Directory;
import org.baton.directory.Email;
import org.baton.directory.Person;
import org.baton.platform.BatonProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may sign in. People sign in with their e-mail address (and only while they are active);
 * operator accounts such as {@code admin} with their username.
 */
@Service
public class Accounts implements UserDetailsService {

  private final AccountRepository accounts;
  private final Directory directory;
  private final PasswordEncoder passwordEncoder;

  private final boolean passwordsForPeople;

  Accounts(
      AccountRepository accounts,
      Directory directory,
      PasswordEncoder passwordEncoder,
      BatonProperties properties) {
    this.accounts = accounts;
    this.directory = directory;
    this.passwordEncoder = passwordEncoder;
    this.passwordsForPeople = properties.signIn().passwordsForPeople();
  }

  /**
   * The account that may sign in with a password under this name. Where passwords are turned off
   * for people, only operator accounts (the break-glass admin) may.
   */
  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    return findUser(username)
        .filter(user -> user.getPassword() != null)
        .filter(user -> passwordsForPeople || user.personId() == null)
        .orElseThrow(() -> new UsernameNotFoundException("no such account"));
  }

  /**
   * Single sign-on: the active person with this e-mail address (which the identity provider has
   * verified), with a member account made for them if they had none. Never an operator account, and
   * never a new admin: a person who is an admin already stays one.
   */
  @Transactional
  Optional<BatonUser> signInWithVerifiedEmail(String email) {
    String address = signInName(email);
    if (!Email.isValid(address)) {
      return Optional.empty();
    }
    return directory
        .findPersonByEmail(address)
        .filter(Person::active)
        .map(person -> user(accounts.findOrCreateMember(person.id()), person));
  }

  /**
   * A typed sign-in name as sign-in reads it: without white space or control characters around it,
   * lower-case. The throttle keys failures by the same name, so no variant escapes it.
   */
  static String signInName(String typed) {
    return typed == null ? "" : EDGES.matcher(typed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static final Pattern EDGES =
      Pattern.compile("^[\\p{Cntrl}\\p{Z}\\s]+|[\\p{Cntrl}\\p{Z}\\s]+$");

  Optional<BatonUser> findUser(String typed) {
    String username = signInName(typed);
    if (username.isEmpty()) {
      return Optional.empty();
    }
    if (username.contains("@")) {
      if (!Email.isValid(username)) {
        return Optional.empty();
      }
      return directory
          .findPersonByEmail(username)
          .flatMap(person -> accounts.findByPerson(person.id()).map(a -> user(a, person)));
    }
    return accounts.findByUsername(username).map(account -> user(account, null));
  }

  Optional<BatonUser> findUser(long accountId) {
    return accounts
        .findById(accountId)
        .map(
            account ->
                user(
                    account,
                    account.personId() == null
                        ? null
                        : directory.findPerson(account.personId()).orElse(null)));
  }

  /** Lets these people sign in with one password (the demo organisation uses this). */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public void grantSignIn(Collection<Long> personIds, String rawPassword) {
    // One hash for the lot: hashing is deliberately slow, and the password is the same.
    accounts.grantMembers(personIds, passwordEncoder.encode(rawPassword));
  }

  private static BatonUser user(AccountRepository.Account account, Person person) {
    if (person != null) {
      return new BatonUser(
          account.id(),
          person.id(),
          person.email(),
          person.name(),
          account.admin(),
          person.active(),
          account.passwordHash());
    }
    return new BatonUser(
        account.id(),
        account.personId(),
        account.username(),
        account.username(),
        account.admin(),
        account.personId() == null,
        account.passwordHash());
  }
}
