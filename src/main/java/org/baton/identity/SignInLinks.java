package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.platform.BatonProperties;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Mail;
import org.baton.platform.NotFoundException;
import org.baton.platform.Outbox;
import org.baton.platform.PageOf;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations and password resets: single-use links by e-mail to set a password. A link's token is
 * 256 random bits, only its SHA-256 is stored; it works once, until it expires (an invitation after
 * {@link #INVITATION_VALID}, a reset after {@link #RESET_VALID}) or is replaced by a newer one. The
 * e-mail goes through the outbox in the same transaction as the link.
 *
 * <p>Who may: admins invite (one person, a team's members, or everyone who has never signed in),
 * see the list and revoke; anyone may ask for a reset of any address, and is always told the same,
 * so the answer does not reveal who exists; at most {@link #RESETS_PER_HOUR} reset e-mails per
 * person per hour; whoever holds a valid link sets that person's password, nothing else. A reset
 * also reaches an active person an admin has not invited yet: the link goes to their own address,
 * so only they can use it.
 */
@Service
public class SignInLinks {

  public enum Purpose {
    INVITATION,
    PASSWORD_RESET
  }

  /** A link as admins see it; never its token. */
  public record Link(
      long id,
      long personId,
      Purpose purpose,
      Instant createdAt,
      String createdBy,
      Instant expiresAt,
      @Schema(nullable = true) Instant usedAt,
      @Schema(nullable = true) Instant revokedAt) {

    public boolean open(Instant now) {
      return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
  }

  /** A person as the admins' invitation list shows them. */
  public record Invitee(
      long personId, String name, String email, Instant lastSignedInAt, Link latest) {}

  static final Duration INVITATION_VALID = Duration.ofDays(7);
  static final Duration RESET_VALID = Duration.ofHours(1);
  static final int RESETS_PER_HOUR = 3;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH)
          .withZone(ZoneId.of("UTC"));

  private final SignInLinkStore store;
  private final Directory directory;
  private final AccountRepository accounts;
  private final PasswordEncoder passwords;
  private final Outbox outbox;
  private final BatonProperties properties;
  private final Clock clock;
  private final SignInThrottle throttle;
  private final SignedInSessions sessions;
  private final SecureRandom random = new SecureRandom();

  SignInLinks(
      SignInLinkStore store,
      Directory directory,
      AccountRepository accounts,
      PasswordEncoder passwords,
      Outbox outbox,
      BatonProperties properties,
      SignInThrottle throttle,
      SignedInSessions sessions,
      Clock clock) {
    this.sessions = sessions;
    this.store = store;
    this.directory = directory;
    this.accounts = accounts;
    this.passwords = passwords;
    this.outbox = outbox;
    this.properties = properties;
    this.throttle = throttle;
    this.clock = clock;
  }

  /** Invites one active person; an earlier open invitation of theirs stops working. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public Link invite(BatonUser admin, long personId) {
    Person person =
        directory
            .findPerson(personId)
            .filter(Person::active)
            .orElseThrow(() -> new NotFoundException("No active person " + personId + "."));
    String token = invite(admin, person);
    return store.withHash(hash(token)).orElseThrow();
  }

  /** Invites the active members of a team who have never signed in; how many were invited. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public int inviteTeam(BatonUser admin, long teamId) {
    directory.team(teamId);
    return inviteNeverSignedIn(
        admin, page -> directory.activeMembersOf(teamId, page, PageOf.MAX_SIZE));
  }

  /** Invites every active person who has never signed in; how many were invited. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public int inviteEveryoneNew(BatonUser admin) {
    return inviteNeverSignedIn(admin, page -> directory.searchPeople("", page, PageOf.MAX_SIZE));
  }

  /**
   * Invites those of the people, read a page at a time, who have never signed in: one query tells
   * who has, rather than one per person.
   */
  private int inviteNeverSignedIn(
      BatonUser admin, java.util.function.IntFunction<PageOf<Person>> pages) {
    Set<Long> signedIn = store.peopleWhoSignedIn();
    int invited = 0;
    for (int page = 0; ; page++) {
      PageOf<Person> people = pages.apply(page);
      for (Person person : people.items()) {
        if (!signedIn.contains(person.id())) {
          invite(admin, person);
          invited++;
        }
      }
      if ((long) (page + 1) * PageOf.MAX_SIZE >= people.total()) {
        return invited;
      }
    }
  }

  /**
   * Sends a reset link if the address is an active person's and not too many were sent in the last
   * hour; does nothing otherwise, and the caller says the same either way.
   */
  @Transactional
  public void requestReset(String email) {
    Optional<Person> person =
        directory.findPersonByEmail(Accounts.signInName(email)).filter(Person::active);
    if (person.isEmpty() || !properties.signIn().passwordsForPeople()) {
      return; // where people have no passwords there is none to reset
    }
    long recent =
        store.madeSince(
            person.get().id(), Purpose.PASSWORD_RESET, clock.instant().minus(Duration.ofHours(1)));
    if (recent >= RESETS_PER_HOUR) {
      return;
    }
    String token = create(person.get().id(), Purpose.PASSWORD_RESET, "self", RESET_VALID);
    outbox.post(
        new Mail(
            person.get().email(),
            "Reset your Baton password",
            "Hello "
                + person.get().name()
                + ",\n\nSomeone, hopefully you, asked to reset your Baton password. Choose a new"
                + " one here; the link works once, until "
                + WHEN.format(clock.instant().plus(RESET_VALID))
                + ":\n\n"
                + link("/password-reset/new", token)
                + "\n\nOnce you have chosen it, every browser signed in as you is signed out. Your API"
                + " tokens keep working; see and revoke them at "
                + address("/me/tokens")
                + "."
                + "\n\nIf it was not you, ignore this e-mail: your password stays as it is."));
  }

  /**
   * Sets the password of the link's person and uses the link up; the person's sign-in name is
   * returned. A link that is unknown, used, replaced or expired is the field {@code token}'s error;
   * a password the policy refuses is {@code password}'s, and the link stays usable. Wrong links
   * from one address are throttled as failed sign-ins are.
   */
  @Transactional
  public String accept(Purpose purpose, String token, String password, String address) {
    if (throttle.wrongLinksBlocked(address)) {
      throw new InvalidInputException(
          "token", "Too many attempts with wrong links. Wait 15 minutes.");
    }
    try {
      return accept(purpose, token, password);
    } catch (InvalidInputException e) {
      if (e.byField().containsKey("token")) {
        // Counted for this address only: a stranger's guesses never lock anyone else out.
        throttle.recordWrongLink(address);
      }
      throw e;
    }
  }

  private String accept(Purpose purpose, String token, String password) {
    if (!properties.signIn().passwordsForPeople()) {
      throw new InvalidInputException(
          "password",
          "Passwords are turned off here: sign in with your organisation's single sign-on.");
    }
    Link link =
        find(token)
            .filter(l -> l.purpose() == purpose)
            .filter(l -> l.open(clock.instant()))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "token",
                        "This link has expired or was already used. "
                            + (purpose == Purpose.INVITATION
                                ? "Ask an admin to invite you again."
                                : "Ask for a new one.")));
    Person person =
        directory
            .findPerson(link.personId())
            .filter(Person::active)
            .orElseThrow(() -> new InvalidInputException("token", "This account is closed."));
    PasswordPolicy.problem(password, person.email(), person.name())
        .ifPresent(
            problem -> {
              throw new InvalidInputException("password", problem);
            });
    Instant now = clock.instant();
    // Used up first: of two accepts of one link at once, the second waits on this row and then
    // finds it used, so only one password is ever set from a link.
    if (!store.use(link.id(), now)) {
      throw new InvalidInputException("token", "This link was already used.");
    }
    String hash = passwords.encode(password);
    accounts
        .findByPerson(person.id())
        .ifPresentOrElse(
            account -> {
              accounts.setPassword(account.id(), hash);
              sessions.endAll(account.id());
            },
            () -> accounts.grantMembers(List.of(person.id()), hash));
    revokeOpen(person.id(), now);
    return person.email();
  }

  /**
   * The address an open link's person signs in with, for its page to say so; empty for a link that
   * is not open (whoever holds an open link is that person).
   */
  @Transactional(readOnly = true)
  public java.util.Optional<String> addressOf(Purpose purpose, String token) {
    return find(token)
        .filter(l -> l.purpose() == purpose && l.open(clock.instant()))
        .flatMap(l -> directory.findPerson(l.personId()))
        .map(org.baton.directory.Person::email);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public void revoke(BatonUser admin, long linkId) {
    if (!store.revoke(linkId, clock.instant())) {
      throw new NotFoundException("No open link " + linkId + ".");
    }
  }

  /** Every active person with whether they were invited and have signed in, by name. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional(readOnly = true)
  public PageOf<Invitee> invitees(BatonUser admin, int page, int size) {
    int safeSize = PageOf.clampSize(size);
    int safePage = PageOf.clampPage(page);
    List<Invitee> items = store.invitees(safeSize, (long) safePage * safeSize);
    long total = store.activePeople();
    return new PageOf<>(items, safePage, safeSize, total);
  }

  /** Writes the person's invitation and its e-mail; the link's token. */
  private String invite(BatonUser admin, Person person) {
    revokeOpen(person.id(), clock.instant());
    String token = create(person.id(), Purpose.INVITATION, admin.getUsername(), INVITATION_VALID);
    // Where people have no passwords, the invitation points to single sign-on instead.
    String how =
        properties.signIn().passwordsForPeople()
            ? "Choose your password here; the link works once, until "
                + WHEN.format(clock.instant().plus(INVITATION_VALID))
                + ":\n\n"
                + link("/invitation", token)
                + "\n\nThen sign in with your e-mail address, "
                + person.email()
                + "."
            : "Sign in here with your organisation's single sign-on:\n\n"
                + properties.baseUrl()
                + "/login";
    outbox.post(
        new Mail(
            person.email(),
            "You are invited to Baton",
            "Hello "
                + person.name()
                + ",\n\nYou are invited to Baton, where you see at once what is yours to decide,"
                + " ask for advice and lead what you spot. "
                + how));
    return token;
  }

  private void revokeOpen(long personId, Instant now) {
    store.revokeOpenOf(personId, now);
  }

  private String create(long personId, Purpose purpose, String by, Duration valid) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    store.insert(personId, purpose, hash(token), now, by, now.plus(valid));
    return token;
  }

  private Optional<Link> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return store.withHash(hash(token));
  }

  private String link(String path, String token) {
    return address(path) + "?token=" + token;
  }

  private String address(String path) {
    String base = properties.baseUrl();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
