package org.baton.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lists read by key: following each page's {@code next} reads every item exactly once, in the
 * list's order, to the end; a key Baton did not give is a 422 naming {@code after}.
 */
@BatonIntegrationTest
class KeyedPagingIntegrationTest {

  private static final String ADMIN = "Bearer " + BatonIntegrationTest.ADMIN_TOKEN;

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired org.baton.identity.Accounts accounts;

  @Test
  void followingTheKeysReadsTheWholeDecisionRecordOnceNewestFirst() throws Exception {
    List<JsonNode> read = readAll("/api/v1/decisions?scope=all", 7);

    List<Long> seqs = read.stream().map(d -> d.get("seq").asLong()).toList();
    assertThat(seqs)
        .isEqualTo(jdbc.sql("select seq from decision order by seq desc").query(Long.class).list());
  }

  @Test
  void followingTheKeysReadsEveryInitiativeOnceMostRecentlyActiveFirst() throws Exception {
    List<JsonNode> read = readAll("/api/v1/initiatives?scope=all", 4);

    assertThat(read.stream().map(i -> i.get("id").asLong()).toList())
        .isEqualTo(
            jdbc.sql("select id from initiative order by last_activity_at desc, id desc")
                .query(Long.class)
                .list());
  }

  @Test
  void followingTheKeysReadsEveryContributionOnceMostSupportedFirst() throws Exception {
    long round =
        jdbc.sql(
                "select round_id from strategy_contribution group by round_id"
                    + " order by count(*) desc limit 1")
            .query(Long.class)
            .single();
    List<JsonNode> read = readAll("/api/v1/dialogues/" + round + "/contributions?sort=SUPPORT", 2);

    assertThat(read.stream().map(c -> c.get("id").asLong()).toList())
        .isEqualTo(
            jdbc.sql(
                    "select id from strategy_contribution where round_id = ?"
                        + " order by support_count desc, id desc")
                .param(round)
                .query(Long.class)
                .list());
  }

  @Test
  void followingTheKeysReadsEveryRequestAPersonAskedOrAdvisesOnOnceOpenFirst() throws Exception {
    String email =
        jdbc.sql(
                """
                select p.email from person p join account a on a.person_id = p.id
                 order by (select count(*) from advice_request r where r.asker_person_id = p.id)
                        + (select count(*) from advice_panel_member m where m.person_id = p.id) desc
                 limit 1
                """)
            .query(String.class)
            .single();
    long person =
        jdbc.sql("select id from person where email = ?").param(email).query(Long.class).single();
    List<JsonNode> read = readAll("/api/v1/advice-requests", 2, accounts.loadUserByUsername(email));

    assertThat(read.stream().map(r -> r.get("id").asLong()).toList())
        .isEqualTo(
            jdbc.sql(
                    """
                    select r.id from advice_request r
                     where r.asker_person_id = ? or exists (select 1 from advice_panel_member m
                                          where m.request_id = r.id and m.person_id = ?)
                     order by r.status = 'OPEN' desc, r.created_at desc, r.id desc
                    """)
                .params(person, person)
                .query(Long.class)
                .list());
    // each place knows whether its request is still open
    assertThat(
            jdbc.sql(
                    "select count(*) from advice_panel_member m join advice_request r"
                        + " on r.id = m.request_id where m.request_open <> (r.status = 'OPEN')")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aKeyBatonDidNotGiveIsRefusedNamingAfter() throws Exception {
    for (String list :
        List.of(
            "/api/v1/decisions?scope=all",
            "/api/v1/initiatives",
            "/api/v1/advice-requests",
            "/api/v1/dialogues/1/contributions")) {
      mvc.perform(get(list).param("after", "this-is-no-key").header("Authorization", ADMIN))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("after"));
    }
  }

  @Test
  void aPagesNextLinkLeadsToThePageAfterItAndBackToTheFirst() throws Exception {
    var olivia = accounts.loadUserByUsername("olivia@example.com");
    for (String list : List.of("/decisions?scope=all")) {
      String first = html(list, olivia);
      java.util.regex.Matcher next = NEXT.matcher(first);
      assertThat(next.find()).as(list + " has a next page").isTrue();
      String second = html(next.group(1).replace("&amp;", "&"), olivia);
      assertThat(second).contains("rel=\"first\"");
      java.util.regex.Matcher firstItem = ITEM.matcher(first);
      java.util.regex.Matcher secondItem = ITEM.matcher(second);
      assertThat(firstItem.find() && secondItem.find()).isTrue();
      assertThat(secondItem.group()).as(list).isNotEqualTo(firstItem.group());
    }
    // the lists with few entries in the demo still render their (absent) pager
    for (String list : List.of("/initiatives?scope=all", "/advice", "/learning/feed")) {
      assertThat(html(list, olivia)).doesNotContain("rel=\"first\"");
    }
  }

  @Test
  void theLearningFeedReadsOnPastItsFirstTwentyEntriesWithoutRepeatingOne() throws Exception {
    var olivia = accounts.loadUserByUsername("olivia@example.com");
    for (int i = 0; i < 21; i++) {
      mvc.perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                      "/api/v1/report-outs")
                  .with(
                      org.springframework.security.test.web.servlet.request
                          .SecurityMockMvcRequestPostProcessors.user(olivia))
                  .with(
                      org.springframework.security.test.web.servlet.request
                          .SecurityMockMvcRequestPostProcessors.csrf())
                  .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                  .content("{\"title\": \"Paged report-out " + i + "\", \"body\": \"Learned.\"}"))
          .andExpect(status().isCreated());
    }
    List<String> seen = new ArrayList<>();
    String page = "/learning/feed";
    int pages = 0;
    while (page != null) {
      String html = html(page, olivia);
      java.util.regex.Matcher entry = ENTRY.matcher(html);
      while (entry.find()) {
        seen.add(entry.group(1));
      }
      java.util.regex.Matcher next = OLDER.matcher(html);
      page = next.find() ? next.group(1).replace("&amp;", "&") : null;
      pages++;
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(seen).doesNotHaveDuplicates();
    long published =
        jdbc.sql("select count(*) from learning_report_out").query(Long.class).single();
    assertThat(seen.stream().filter(s -> s.startsWith("/report-outs/"))).hasSize((int) published);
  }

  private static final java.util.regex.Pattern ENTRY =
      java.util.regex.Pattern.compile("<h2><a href=\"(/(?:report-outs|learning/reviews)/\\d+)\"");

  private static final java.util.regex.Pattern OLDER =
      java.util.regex.Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">Older</a>");

  private static final java.util.regex.Pattern NEXT =
      java.util.regex.Pattern.compile("<a href=\"([^\"]+)\"[^>]*rel=\"next\"");

  private static final java.util.regex.Pattern ITEM =
      java.util.regex.Pattern.compile("href=\"/(decisions|initiatives)/\\d+\"");

  private String html(String path, org.springframework.security.core.userdetails.UserDetails who)
      throws Exception {
    return mvc.perform(
            get(path)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** Every item of a list, page by page, checking that the last page says so. */
  private List<JsonNode> readAll(String list, int size) throws Exception {
    return readAll(list, size, null);
  }

  private List<JsonNode> readAll(
      String list, int size, org.springframework.security.core.userdetails.UserDetails who)
      throws Exception {
    List<JsonNode> all = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      var request = get(list).param("size", String.valueOf(size));
      if (who == null) {
        request.header("Authorization", ADMIN);
      } else {
        request.with(
            org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(who));
      }
      if (after != null) {
        request.param("after", after);
      }
      JsonNode page =
          json.readTree(
              mvc.perform(request)
                  .andExpect(status().isOk())
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      page.get("items").forEach(all::add);
      after = page.hasNonNull("next") ? page.get("next").asString() : null;
      assertThat(page.get("items").size()).isLessThanOrEqualTo(size);
      assertThat(++pages).as("pages read").isLessThan(100_000);
    } while (after != null);
    assertThat(pages).as("more than one page, so that keys were followed").isGreaterThan(1);
    return all;
  }
}
