package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.baton.directory.PeopleService;
import org.baton.directory.Person;
import org.baton.directory.PersonDraft;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Identity with the directory and the platform beneath it and nothing above (Spring Modulith's
 * module test, on its own embedded PostgreSQL): the event flow from a person deactivated in the
 * directory to the end of their access.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = {"baton.home=target/test-home-identity", "baton.demo=false"})
@WithMockUser(roles = "ADMIN")
class IdentityModuleTest {

  @Autowired PeopleService people;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;

  @Test
  void aPersonDeactivatedInTheDirectoryLosesEveryTokenInTheSameTransaction() {
    Person grace =
        people.create(
            new PersonDraft(
                "grace@example.com", "Grace Hopper", "Engineer", null, "", "", List.of()));
    accounts.grantSignIn(List.of(grace.id()), "a-long-enough-password");
    BatonUser signedIn = (BatonUser) accounts.loadUserByUsername("grace@example.com");
    tokens.create(signedIn, "laptop");
    tokens.create(signedIn, "phone");
    assertThat(tokens.list(signedIn)).hasSize(2).allMatch(ApiTokens.TokenInfo::active);

    people.setActive(grace.id(), false);

    assertThat(tokens.list(signedIn)).hasSize(2).noneMatch(ApiTokens.TokenInfo::active);
  }
}
