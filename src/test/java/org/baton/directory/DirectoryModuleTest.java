package org.baton.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The directory alone, with only the platform beneath it (Spring Modulith's module test, on its own
 * embedded PostgreSQL): what it tells the other modules when people change. Its listeners in other
 * modules are tested by theirs.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = {"baton.home=target/test-home-directory", "baton.demo=false"})
@WithMockUser(roles = "ADMIN")
class DirectoryModuleTest {

  @Autowired PeopleService people;

  @Test
  void aPersonDeactivatedIsToldOnceAndEveryChangeDropsTheCachedOrganisation(
      AssertablePublishedEvents events) {
    Person ada =
        people.create(
            new PersonDraft("ada@example.com", "Ada Byron", "Analyst", null, "", "", List.of()));

    people.setActive(ada.id(), false);
    people.setActive(ada.id(), false); // deactivated already: nobody is told again

    assertThat(events.ofType(PersonDeactivated.class).matching(e -> e.personId() == ada.id()))
        .hasSize(1);
    assertThat(events.ofType(DirectoryChanged.class)).hasSize(3);
  }
}
