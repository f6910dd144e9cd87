package org.baton.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.authority.Authority;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.CheckQuestion;
import org.baton.authority.CheckResult;
import org.baton.authority.Holder;
import org.baton.authority.RuleDraft;
import org.baton.authority.Verdict;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Roles with real people and the real check: authority that follows a role as it is matched, handed
 * on and left; applications refused when they should be, with nothing half-saved; and an
 * application's thread that nobody outside it learns of.
 */
@BatonIntegrationTest
class RolesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Roles roles;
  @Autowired RoleProfiles roleProfiles;
  @Autowired RoleHoldingApprovals holdingApprovals;
  @Autowired Applications applications;
  @Autowired AuthorityAdministration administration;
  @Autowired Authority authority;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  private final String word = "zr" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void theDemoHasAChangeTeamWithOpenRolesAndApplicationsInDifferentStates() throws Exception {
    Circle team =
        roles.circles().stream()
            .filter(c -> c.name().equals("Sustainability change team"))
            .findFirst()
            .orElseThrow();
    Roles.CircleView view = roles.circleView(team.id());
    assertThat(view.leadName()).isEqualTo("Priya Sharma");
    assertThat(view.roles())
        .extracting(Role::name)
        .contains("Supplier sustainability lead", "Energy champion", "Scrap scout");
    Role scrap =
        view.roles().stream().filter(r -> r.name().equals("Scrap scout")).findFirst().get();
    assertThat(roles.roleView(scrap.id()).holders())
        .extracting(RoleHolder::personName)
        .contains("Eva Lindqvist");
    BatonUser priya = account("priya@example.com");
    assertThat(applications.forRole(priya, scrap.id()))
        .extracting(RoleApplication::state)
        .contains(RoleApplication.State.MATCHED, RoleApplication.State.WITHDRAWN);

    // other tests fill and close roles and open many more: every role listed is open
    mvc.perform(get("/api/v1/roles?open=true&size=100").with(user(account("henry@example.com"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.open == false)]").isEmpty())
        .andExpect(jsonPath("$.items[0].open").value(true));
    mvc.perform(get("/roles").with(user(account("henry@example.com")))).andExpect(status().isOk());
    mvc.perform(get("/roles/" + scrap.id()).with(user(priya))).andExpect(status().isOk());
  }

  @Test
  void authorityFollowsTheRoleAsItIsMatchedHandedOnAndLeft() {
    BatonUser priya = account("priya@example.com");
    BatonUser henry = account("henry@example.com");
    BatonUser maria = account("maria@example.com");
    Role role = roleWithAuthority(priya, "Goodwill champion " + word, "1");

    CheckQuestion goodwill =
        new CheckQuestion(henry.personId(), TYPE, Money.of("1500", "EUR"), Map.of());
    assertThat(authority.check(henry, goodwill).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);

    RoleApplication applied =
        applications.apply(henry, role.id(), application("Customers deserve it.", "3"));
    assertThat(applied.teamLeader().name()).isEqualTo("Maria Lopez");
    applications.answerTime(
        maria,
        role.id(),
        applied.id(),
        new RoleDrafts.TimeDraft(
            RoleApplication.TimeAnswerKind.ADJUSTED, new BigDecimal("2"), "Busy season."));
    applications.message(henry, role.id(), applied.id(), "Could I start in May?");
    RoleDrafts.MatchDraft terms =
        new RoleDrafts.MatchDraft(new BigDecimal("2"), null, "Weekly review.");
    Applications.ApplicationView proposed =
        applications.match(priya, role.id(), applied.id(), terms);
    assertThat(proposed.application().state()).isEqualTo(RoleApplication.State.APPLIED);
    assertThat(authority.check(henry, goodwill).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);

    Applications.ApplicationView agreed =
        applications.match(
            henry, role.id(), applied.id(), new RoleDrafts.MatchDraft(null, null, null));
    assertThat(agreed.application().state()).isEqualTo(RoleApplication.State.MATCHED);
    // the role's rule is Maria's: its authority waits for her approval
    assertThat(authority.check(henry, goodwill).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
    assertThat(roles.roleView(role.id()).holders())
        .singleElement()
        .satisfies(h -> assertThat(h.granted()).isFalse());
    assertThatThrownBy(() -> holdingApprovals.approve(priya, role.id(), henry.personId()))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    holdingApprovals.approve(maria, role.id(), henry.personId());
    CheckResult within = authority.check(henry, goodwill);
    assertThat(within.verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(within.explanation()).contains("as Goodwill champion " + word);
    assertThat(roleProfiles.profile(henry.personId()).hoursCommitted()).isEqualByComparingTo("2");
    // the one seat is taken: the role closed itself, and nobody else may be matched
    assertThat(roles.role(role.id()).open()).isFalse();

    // a baton pass: Priya hands it from Henry to Nina; the authority moves with it
    BatonUser nina = account("nina@example.com");
    roles.handTo(priya, role.id(), nina.personId(), henry.personId(), "Henry moves to nights.");
    assertThat(authority.check(henry, goodwill).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
    CheckQuestion ninas =
        new CheckQuestion(nina.personId(), TYPE, Money.of("1500", "EUR"), Map.of());
    assertThat(authority.check(nina, ninas).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
    holdingApprovals.approve(maria, role.id(), nina.personId());
    assertThat(authority.check(nina, ninas).verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(roles.roleView(role.id()).history())
        .extracting(RoleEvent::kind)
        .startsWith(RoleEvent.Kind.HANDED);

    roles.leave(nina, role.id(), nina.personId(), "Back to the desk full time.");
    assertThat(authority.check(nina, ninas).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
  }

  @Test
  void aCircleLeadWhoHandsHerselfARoleWithAuthorityGetsNothingUntilTheRulesOwnerApproves()
      throws Exception {
    BatonUser priya = account("priya@example.com");
    BatonUser maria = account("maria@example.com");
    Role role = roleWithAuthority(priya, "Self-handed " + word, "1");
    CheckQuestion hers =
        new CheckQuestion(priya.personId(), TYPE, Money.of("2500", "EUR"), Map.of());

    mvc.perform(
            post("/api/v1/roles/" + role.id() + "/holders")
                .with(user(priya))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\": " + priya.personId() + ", \"note\": \"I will do it\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holders[0].granted").value(false))
        .andExpect(jsonPath("$.awaited[0].approver").value("Maria Lopez"));
    assertThat(authority.check(priya, hers).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
    String page =
        mvc.perform(get("/roles/" + role.id()).with(user(maria)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Proposed").contains("Maria Lopez").contains("Approve");

    mvc.perform(
            post("/api/v1/roles/" + role.id() + "/holders/" + priya.personId() + "/approval")
                .with(user(priya)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/roles/" + role.id() + "/holders/" + priya.personId() + "/approval")
                .with(user(maria)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holders[0].granted").value(true));
    assertThat(authority.check(priya, hers).verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
  }

  @Test
  void badApplicationsAndMatchesAreRefusedAndNothingIsHalfSaved() {
    BatonUser priya = account("priya@example.com");
    BatonUser olivia = account("olivia@example.com");
    BatonUser ben = account("ben@example.com");
    Role role = roleWithAuthority(priya, "Quiet hours keeper " + word, "1");
    int before = count();

    assertThatThrownBy(() -> applications.apply(olivia, role.id(), application("Yes.", "0")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).byField()).containsKey("hoursPerWeek"));
    assertThatThrownBy(() -> applications.apply(olivia, role.id(), application("Yes.", "-2")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> applications.apply(olivia, role.id(), application("Yes.", "169")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("168");
    assertThatThrownBy(() -> applications.apply(olivia, role.id(), application(" ", "2")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).byField()).containsKey("passion"));
    assertThat(count()).isEqualTo(before);

    RoleApplication first = applications.apply(olivia, role.id(), application("I care.", "2"));
    assertThatThrownBy(() -> applications.apply(olivia, role.id(), application("Again.", "2")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("applied to this role already");
    RoleApplication second = applications.apply(ben, role.id(), application("Me too.", "1"));

    // a message in someone else's thread: Ben may not even learn Olivia's exists
    assertThatThrownBy(() -> applications.message(ben, role.id(), first.id(), "Hello"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> applications.view(account("henry@example.com"), role.id(), first.id()))
        .isInstanceOf(NotFoundException.class);
    // nor may an admin read it: only the applicant, the lead and the team leader
    assertThatThrownBy(() -> applications.view(account("admin"), role.id(), first.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(applications.view(account("ines@example.com"), role.id(), first.id()).teamLeader())
        .isTrue();
    // the team leader reads, but does not write in the thread
    assertThatThrownBy(
            () -> applications.message(account("ines@example.com"), role.id(), first.id(), "Hi"))
        .isInstanceOf(AccessDeniedException.class);
    // only the team leader answers about the time
    assertThatThrownBy(
            () ->
                applications.answerTime(
                    priya,
                    role.id(),
                    first.id(),
                    new RoleDrafts.TimeDraft(RoleApplication.TimeAnswerKind.CONFIRMED, null, "")))
        .isInstanceOf(AccessDeniedException.class);

    // one seat: Olivia is matched, so Ben's match is refused and he holds nothing
    RoleDrafts.MatchDraft terms = new RoleDrafts.MatchDraft(new BigDecimal("2"), null, "");
    applications.match(priya, role.id(), first.id(), terms);
    applications.match(olivia, role.id(), first.id(), terms);
    applications.match(priya, role.id(), second.id(), terms);
    assertThatThrownBy(() -> applications.match(ben, role.id(), second.id(), terms))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("seats");
    assertThat(roles.roleView(role.id()).holders())
        .extracting(RoleHolder::personName)
        .containsExactly("Olivia Brown");
    assertThat(applications.view(ben, role.id(), second.id()).application().state())
        .isEqualTo(RoleApplication.State.APPLIED);
    // applying to a closed role (it closed when its seat was filled)
    assertThatThrownBy(
            () -> applications.apply(account("eva@example.com"), role.id(), application("Hi", "1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not open");
    // a decline needs a reason the applicant reads
    assertThatThrownBy(() -> applications.decline(priya, role.id(), second.id(), " "))
        .isInstanceOf(InvalidInputException.class);
    assertThat(
            applications
                .decline(priya, role.id(), second.id(), "The seat is taken.")
                .application()
                .declineReason())
        .isEqualTo("The seat is taken.");
  }

  @Test
  void aMatchPastWhatSomeoneCanGiveWarnsBothSides() {
    BatonUser priya = account("priya@example.com");
    BatonUser lukas = account("lukas@example.com");
    roleProfiles.saveProfile(
        lukas, new RoleDrafts.ProfileDraft(true, List.of("energy"), new BigDecimal("1")));
    Role role = roleWithAuthority(priya, "Night energy walker " + word, "2");
    RoleApplication applied = applications.apply(lukas, role.id(), application("Nights!", "2"));
    applications.match(
        priya, role.id(), applied.id(), new RoleDrafts.MatchDraft(new BigDecimal("2"), null, ""));
    assertThat(applications.view(lukas, role.id(), applied.id()).warnings())
        .anySatisfy(w -> assertThat(w).contains("more than the 1 they said they can give"));
    assertThat(applications.view(priya, role.id(), applied.id()).warnings())
        .anySatisfy(w -> assertThat(w).contains("more than the 1"));
  }

  @Test
  void theApiNamesEveryBadFieldAndOnlyTheLeadKeepsRoles() throws Exception {
    BatonUser priya = account("priya@example.com");
    Circle circle = changeTeam();
    mvc.perform(
            post("/api/v1/roles")
                .with(user(priya))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"circleId\": "
                        + circle.id()
                        + ", \"name\": \"\", \"hoursPerWeek\": 200,"
                        + " \"seats\": 0, \"decisionTypes\": [\"no.such\"]}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'hoursPerWeek')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'seats')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'decisionTypes')]").exists());
    mvc.perform(
            post("/api/v1/roles")
                .with(user(account("olivia@example.com")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"circleId\": "
                        + circle.id()
                        + ", \"name\": \"x"
                        + word
                        + "\","
                        + " \"hoursPerWeek\": 1, \"seats\": 1}"))
        .andExpect(status().isForbidden());
  }

  /**
   * The decision type the test roles decide: its own, so that a holding a test leaves behind gives
   * nobody authority other tests rely on (the context, hence the database, is shared).
   */
  static final String TYPE = "test.role-authority";

  private Role roleWithAuthority(BatonUser lead, String name, String hours) {
    org.baton.platform.SystemTask.runAsAdmin(
        () ->
            administration.saveType(
                new org.baton.authority.DecisionType(
                    TYPE, "Role test decisions", "", true, false)));
    Role role =
        roles.createRole(
            lead,
            new RoleDrafts.RoleDraft(
                changeTeam().id(),
                name,
                "For the test.",
                "",
                List.of(TYPE),
                List.of(),
                new BigDecimal(hours),
                1,
                LocalDate.now().plusMonths(6),
                true,
                "",
                ""));
    org.baton.platform.SystemTask.runAsAdmin(
        () ->
            administration.createRule(
                account("admin"),
                new RuleDraft(
                    TYPE,
                    Holder.Kind.ROLE,
                    null,
                    null,
                    role.id(),
                    new BigDecimal("3000"),
                    "EUR",
                    null,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    account("maria@example.com").personId(),
                    "The role decides its test decisions up to 3,000 EUR.")));
    return role;
  }

  private Circle changeTeam() {
    return roles.circles().stream()
        .filter(c -> c.name().equals("Sustainability change team"))
        .findFirst()
        .orElseThrow();
  }

  private static RoleDrafts.ApplicationDraft application(String passion, String hours) {
    return new RoleDrafts.ApplicationDraft(
        passion, List.of(), "", List.of(), List.of(), new BigDecimal(hours), null);
  }

  private int count() {
    return jdbc.sql("select count(*) from role_application").query(Integer.class).single();
  }

  private BatonUser account(String username) {
    return (BatonUser) accounts.loadUserByUsername(username);
  }
}
