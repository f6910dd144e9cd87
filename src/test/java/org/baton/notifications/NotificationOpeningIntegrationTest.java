package org.baton.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Opening a notification reads its whole thread, only one's own, and goes on to what it names. */
@BatonIntegrationTest
class NotificationOpeningIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired NotificationCentre centre;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired java.time.Clock clock;

  private void notice(BatonUser person, String text, String link) {
    jdbc.sql(
            "insert into notification (person_id, kind, text, link, created_at)"
                + " values (?, 'POLLS', ?, ?, ?)")
        .params(person.personId(), text, link, java.sql.Timestamp.from(clock.instant()))
        .update();
  }

  @Test
  void openingANotificationReadsItsThreadAndLeadsToItsPage() throws Exception {
    BatonUser henry = (BatonUser) accounts.loadUserByUsername("henry@example.com");
    String link = "/polls/" + (900_000 + (int) (Math.random() * 1000));
    String word = UUID.randomUUID().toString().substring(0, 8);
    notice(henry, "First " + word, link);
    notice(henry, "Second " + word, link);
    notice(henry, "Other " + word, "/polls");
    long newest =
        jdbc.sql("select max(id) from notification where person_id = ? and link = ?")
            .params(henry.personId(), link)
            .query(Long.class)
            .single();
    int before = centre.unread(henry.personId());

    // someone else's notification is as good as absent
    BatonUser olivia = (BatonUser) accounts.loadUserByUsername("olivia@example.com");
    mvc.perform(post("/notifications/" + newest + "/open").with(user(olivia)).with(csrf()))
        .andExpect(status().isNotFound());

    mvc.perform(post("/notifications/" + newest + "/open").with(user(henry)).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(link));
    assertThat(centre.unread(henry.personId())).isEqualTo(before - 2);
    assertThat(
            jdbc.sql("select read_at is null from notification where text = ?")
                .param("Other " + word)
                .query(Boolean.class)
                .single())
        .isTrue();
  }
}
