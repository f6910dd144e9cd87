package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.BatonIntegrationTest;
import org.baton.directory.PeopleService;
import org.baton.directory.PersonDraft;
import org.baton.platform.InvalidInputException;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Everyone an admin adds can sign in: invited by e-mail (kept in the outbox without SMTP, read at
 * /admin/mail), they choose a password from the link and sign in; a forgotten password works the
 * same way. Links work once, and a newer one replaces an older one.
 */
@BatonIntegrationTest
class SignInLinksIntegrationTest {

  private static final String GOOD_PASSWORD = "blue kettle on line three";

  @Autowired MockMvc mvc;
  @Autowired PeopleService people;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired ApiTokens tokens;
  @Autowired SignInLinks links;
  @Autowired org.baton.notifications.CalendarFeeds calendars;

  @SuppressWarnings({"rawtypes", "unchecked"})
  @Autowired
  org.springframework.session.FindByIndexNameSessionRepository sessions;

  @Test
  void anInvitedPersonChoosesAPasswordFromTheMailAndSignsIn() throws Exception {
    String email = newPerson();
    long id = personId(email);
    mvc.perform(post("/admin/people/" + id + "/invitation").with(admin()).with(csrf()))
        .andExpect(redirectedUrl("/people/" + id));
    mvc.perform(get("/admin/mail").with(admin()))
        .andExpect(content().string(containsString(email)))
        .andExpect(content().string(containsString("You are invited to Baton")));
    String token = tokenMailedTo(email, "/invitation");

    mvc.perform(get("/invitation").param("token", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Welcome to Baton")));
    mvc.perform(post("/invitation").with(csrf()).param("token", token).param("password", "short"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Use at least 15 characters")));
    mvc.perform(
            post("/invitation")
                .with(csrf())
                .param("token", token)
                .param("password", "passwordpassword"))
        .andExpect(content().string(containsString("among the most common")));
    mvc.perform(formLogin().user(email).password(GOOD_PASSWORD)).andExpect(unauthenticated());

    mvc.perform(
            post("/invitation").with(csrf()).param("token", token).param("password", GOOD_PASSWORD))
        .andExpect(redirectedUrl("/login?welcome"));
    mvc.perform(formLogin().user(email).password(GOOD_PASSWORD))
        .andExpect(authenticated().withUsername(email));

    // used up: the same link again is refused, and the password stays
    mvc.perform(
            post("/invitation")
                .with(csrf())
                .param("token", token)
                .param("password", "another long pass phrase"))
        .andExpect(content().string(containsString("expired or was already used")));
    mvc.perform(formLogin().user(email).password(GOOD_PASSWORD))
        .andExpect(authenticated().withUsername(email));
    mvc.perform(get("/admin/invitations").with(admin()))
        .andExpect(content().string(containsString(email)));
  }

  @Test
  void aNewerInvitationReplacesTheOlderAndAForgedOneIsRefused() throws Exception {
    String email = newPerson();
    long id = personId(email);
    mvc.perform(
            post("/api/v1/people/" + id + "/invitation")
                .header("Authorization", "Bearer " + BatonIntegrationTest.ADMIN_TOKEN))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.purpose").value("INVITATION"));
    String first = tokenMailedTo(email, "/invitation");
    mvc.perform(
            post("/api/v1/people/" + id + "/invitation")
                .header("Authorization", "Bearer " + BatonIntegrationTest.ADMIN_TOKEN))
        .andExpect(status().isCreated());
    String second = tokenMailedTo(email, "/invitation");
    assertThat(second).isNotEqualTo(first);

    for (String stale : List.of(first, "forged-" + UUID.randomUUID())) {
      mvc.perform(accept("/api/v1/invitations/accept", stale, GOOD_PASSWORD))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("token"));
    }
    mvc.perform(accept("/api/v1/invitations/accept", second, GOOD_PASSWORD))
        .andExpect(status().isNoContent());
    assertThat(
            jdbc.sql("select token_hash from sign_in_link where token_hash = ?")
                .param(second)
                .query(String.class)
                .list())
        .as("tokens are stored hashed, never as they are")
        .isEmpty();
  }

  @Test
  void aForgottenPasswordIsResetByMailWithoutTellingWhoExists() throws Exception {
    String email = newPerson();
    long id = personId(email);
    mvc.perform(post("/admin/people/" + id + "/invitation").with(admin()).with(csrf()));
    mvc.perform(
        accept("/api/v1/invitations/accept", tokenMailedTo(email, "/invitation"), GOOD_PASSWORD));

    String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
    for (String address : List.of(email, nobody)) {
      mvc.perform(
              post("/api/v1/password-resets")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"email\": \"" + address + "\"}"))
          .andExpect(status().isAccepted());
    }
    assertThat(mailsTo(nobody)).isZero();
    String token = tokenMailedTo(email, "/password-reset/new");
    mvc.perform(
            post("/password-reset/new")
                .with(csrf())
                .param("token", token)
                .param("password", "a brand new pass phrase"))
        .andExpect(redirectedUrl("/login?passwordChanged"));
    mvc.perform(formLogin().user(email).password("a brand new pass phrase"))
        .andExpect(authenticated().withUsername(email));
    mvc.perform(formLogin().user(email).password(GOOD_PASSWORD)).andExpect(unauthenticated());

    // the page says the same for anyone
    mvc.perform(post("/password-reset").with(csrf()).param("email", nobody))
        .andExpect(content().string(containsString("If " + nobody + " belongs to someone")));
  }

  @Test
  void settingAPasswordFromALinkEndsEverySessionOfTheAccountButKeepsItsTokens() throws Exception {
    String email = newPerson();
    long id = personId(email);
    mvc.perform(post("/admin/people/" + id + "/invitation").with(admin()).with(csrf()));
    mvc.perform(
        accept("/api/v1/invitations/accept", tokenMailedTo(email, "/invitation"), GOOD_PASSWORD));
    String stolen = sessionSignedInAs(email);
    String elsewhere = sessionSignedInAs(email);
    String someoneElse = sessionSignedInAs("maria@example.com");
    BatonUser person = (BatonUser) accounts.loadUserByUsername(email);
    tokens.create(person, "kept through a reset");

    mvc.perform(
        post("/api/v1/password-resets")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\": \"" + email + "\"}"));
    String mail =
        jdbc.sql("select body from mail_outbox where recipient = ? order by id desc limit 1")
            .param(email)
            .query(String.class)
            .single();
    assertThat(mail).contains("signed out").contains("/me/tokens");
    mvc.perform(
            accept(
                "/api/v1/password-resets/accept",
                tokenMailedTo(email, "/password-reset/new"),
                "a brand new pass phrase"))
        .andExpect(status().is2xxSuccessful());

    assertThat(sessions.findById(stolen)).isNull();
    assertThat(sessions.findById(elsewhere)).isNull();
    assertThat(sessions.findById(someoneElse)).isNotNull();
    assertThat(tokens.list(person))
        .extracting(ApiTokens.TokenInfo::name)
        .contains("kept through a reset");
  }

  @Test
  void deactivatingAPersonDeletesTheirSessionsAndCalendarAddressAndComingBackRevivesNeither() {
    String email = newPerson();
    long id = personId(email);
    BatonUser member =
        SystemTask.runAsAdmin(
            () -> {
              accounts.grantSignIn(List.of(id), GOOD_PASSWORD);
              return (BatonUser) accounts.loadUserByUsername(email);
            });
    String session = sessionSignedInAs(email);
    calendars.newAddress(member);
    assertThat(calendars.hasAddress(member)).isTrue();

    SystemTask.runAsAdmin(() -> people.setActive(id, false));
    SystemTask.runAsAdmin(() -> people.setActive(id, true));

    assertThat(sessions.findById(session)).isNull();
    assertThat(calendars.hasAddress(member)).isFalse();
  }

  @Test
  void wrongLinksFromOneAddressNeverLockOutAnotherAddress() {
    String email = newPerson();
    long id = personId(email);
    SystemTask.runAsAdmin(() -> links.invite((BatonUser) accounts.loadUserByUsername("admin"), id));
    String token = tokenMailedTo(email, "/invitation");
    for (int i = 0; i <= SignInThrottle.MAX_WRONG_LINKS_PER_ADDRESS; i++) {
      String guess = "guess-" + i;
      assertThatThrownBy(
              () ->
                  links.accept(SignInLinks.Purpose.INVITATION, guess, GOOD_PASSWORD, "192.0.2.66"))
          .isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(
            () -> links.accept(SignInLinks.Purpose.INVITATION, token, GOOD_PASSWORD, "192.0.2.66"))
        .hasMessageContaining("Too many attempts");
    assertThat(links.accept(SignInLinks.Purpose.INVITATION, token, GOOD_PASSWORD, "192.0.2.7"))
        .isEqualTo(email);
  }

  @Test
  void twoAcceptsOfOneLinkAtOnceSetOnePassword() throws Exception {
    String email = newPerson();
    long id = personId(email);
    SystemTask.runAsAdmin(() -> links.invite((BatonUser) accounts.loadUserByUsername("admin"), id));
    String token = tokenMailedTo(email, "/invitation");
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<String>> results =
          two.invokeAll(
              List.of("first pass phrase here", "second pass phrase here").stream()
                  .<java.util.concurrent.Callable<String>>map(
                      password ->
                          () -> {
                            together.await();
                            try {
                              links.accept(
                                  SignInLinks.Purpose.INVITATION, token, password, "192.0.2.8");
                              return password;
                            } catch (InvalidInputException e) {
                              return "refused";
                            }
                          })
                  .toList());
      List<String> outcomes = new java.util.ArrayList<>();
      for (var result : results) {
        outcomes.add(result.get());
      }
      assertThat(outcomes).containsOnlyOnce("refused");
      String set = outcomes.stream().filter(o -> !o.equals("refused")).findFirst().orElseThrow();
      mvc.perform(formLogin().user(email).password(set))
          .andExpect(authenticated().withUsername(email));
    } finally {
      two.shutdownNow();
    }
  }

  /** A session in the sessions table signed in as this name, as a browser's sign-in leaves it. */
  private String sessionSignedInAs(String username) {
    org.springframework.session.Session session = sessions.createSession();
    session.setAttribute(
        org.springframework.session.FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
        username);
    sessions.save(session);
    assertThat(sessions.findByPrincipalName(username)).containsKey(session.getId());
    return session.getId();
  }

  private org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
    return user(accounts.loadUserByUsername("admin"));
  }

  private static org.springframework.test.web.servlet.RequestBuilder accept(
      String path, String token, String password) {
    return post(path)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"token\": \"" + token + "\", \"password\": \"" + password + "\"}");
  }

  private String newPerson() {
    String email = "newcomer-" + UUID.randomUUID() + "@example.com";
    SystemTask.runAsAdmin(
        () -> people.create(new PersonDraft(email, "New Comer", "", null, "", "", List.of())));
    return email;
  }

  private long personId(String email) {
    return jdbc.sql("select id from person where email = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  private long mailsTo(String email) {
    return jdbc.sql("select count(*) from mail_outbox where recipient = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  /** The token in the newest e-mail to this address, from its link to this page. */
  private String tokenMailedTo(String email, String page) {
    String body =
        jdbc.sql("select body from mail_outbox where recipient = ? order by id desc limit 1")
            .param(email)
            .query(String.class)
            .single();
    Matcher link = Pattern.compile(Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)").matcher(body);
    assertThat(link.find()).as("a link to " + page + " in: " + body).isTrue();
    return link.group(1);
  }
}
