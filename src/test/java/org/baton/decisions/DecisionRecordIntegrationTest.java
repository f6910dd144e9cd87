package org.baton.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BatonIntegrationTest
class DecisionRecordIntegrationTest {

  @Autowired DecisionRecord decisions;
  @Autowired HolderRequests requests;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  @TempDir Path temp;

  /** A newcomer's first start shows decisions made at the front line, in a record that holds. */
  @Test
  void theDemoOrganisationHasDecisionsMadeAtTheFrontLine() {
    List<String> demo =
        jdbc.sql(
                "select d.title || ' by ' || p.email || (case when d.confidential then ' (confidential)'"
                    + " else '' end) from decision d join person p on p.id = d.decider_person_id"
                    + " where d.title in ('Goodwill credit for a late delivery',"
                    + " 'Stopped line 3 for burrs', 'Wrote off an unrecoverable receivable')"
                    + " order by d.seq")
            .query(String.class)
            .list();
    assertThat(demo)
        .containsExactly(
            "Goodwill credit for a late delivery by henry@example.com",
            "Stopped line 3 for burrs by olivia@example.com",
            "Wrote off an unrecoverable receivable by ruth@example.com (confidential)");
    assertThat(decisions.verify().intact()).isTrue();
  }

  @Test
  void henryRecordsGoodwillWithinHisAuthorityAndItNamesTheRule() {
    Decision d =
        decisions.record(
            account("henry@example.com"), goodwill("150", "Credit for the late delivery"));
    assertThat(d.verdict()).isEqualTo("WITHIN_AUTHORITY");
    assertThat(d.ruleId()).isNotNull();
    assertThat(d.authority()).contains("the members of Service Desk");
    assertThat(decisions.list(account("henry@example.com"), "mine", null, null, null, 100).items())
        .extracting(Decision::id)
        .contains(d.id());
  }

  @Test
  void aTeamSeesItsMembersDecisionsButNotOtherTeams() {
    Decision d =
        decisions.record(account("henry@example.com"), goodwill("15", "Team visible credit"));
    assertThat(decisions.list(account("anna@example.com"), "team", null, null, null, 100).items())
        .extracting(Decision::id)
        .contains(d.id());
    assertThat(decisions.list(account("olivia@example.com"), "team", null, null, null, 100).items())
        .extracting(Decision::id)
        .doesNotContain(d.id());
  }

  @Test
  void nobodyRecordsADecisionOutsideTheirAuthority() {
    assertThatThrownBy(
            () -> decisions.record(account("henry@example.com"), goodwill("800", "Too much")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).problems().get(0).field())
                    .isEqualTo("authority"));
  }

  @Test
  void aboveTheThresholdAdviceMustComeFromSomeoneWithThePerspective() {
    assertThatThrownBy(
            () -> decisions.record(account("henry@example.com"), goodwill("400", "Big credit")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("finance");
    DecisionDraft withAdvice =
        new DecisionDraft(
            "customer.goodwill",
            "Big credit",
            "Twice let down",
            Money.of("400", "EUR"),
            Map.of(),
            List.of(),
            null,
            "Felix Wagner agreed by phone",
            null);
    assertThatThrownBy(() -> decisions.record(account("henry@example.com"), withAdvice))
        .as("typing a name is not advice")
        .hasMessageContaining("finance");
    long felix = account("felix@example.com").personId();
    assertThat(
            decisions
                .record(account("henry@example.com"), withAdvice.withAdvice(List.of(felix), null))
                .verdict())
        .isEqualTo("NEEDS_ADVICE");
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteTheRecordEvenToItsOwner() {
    Decision d = decisions.record(account("henry@example.com"), goodwill("20", "Small credit"));
    var connection = org.baton.DatabaseOwner.connect(dataSource);
    try {
      JdbcClient owner = JdbcClient.create(connection);
      assertThatThrownBy(
              () ->
                  owner
                      .sql("update decision set title = 'changed' where id = ?")
                      .param(d.id())
                      .update())
          .hasMessageContaining("append-only");
      assertThatThrownBy(
              () -> owner.sql("delete from decision where id = ?").param(d.id()).update())
          .hasMessageContaining("append-only");
    } finally {
      connection.destroy();
    }
  }

  @Test
  void aReversalIsANewEntryAndTheOriginalStays() {
    BatonUser henry = account("henry@example.com");
    Decision d = decisions.record(henry, goodwill("30", "Credit"));
    Decision reversal = decisions.reverse(henry, d.id(), "The customer returned the goods");
    assertThat(reversal.kind()).isEqualTo(Decision.Kind.REVERSAL);
    assertThat(reversal.refersTo()).isEqualTo(d.id());
    assertThat(decisions.find(henry, d.id()).title()).isEqualTo("Credit");
    assertThat(decisions.followUps(henry, d.id()))
        .extracting(Decision::id)
        .containsExactly(reversal.id());
    assertThatThrownBy(() -> decisions.reverse(account("maria@example.com"), d.id(), "not mine"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
  }

  @Test
  void verifyFindsATamperedEntryAndNamesIt() {
    Decision d = decisions.record(account("henry@example.com"), goodwill("40", "Honest credit"));
    assertThat(decisions.verify().intact()).isTrue();
    tamper(d.id(), "Dishonest credit");
    try {
      DecisionRecord.Verification v = decisions.verify();
      assertThat(v.intact()).isFalse();
      assertThat(v.firstBrokenSeq()).isEqualTo(d.seq());
    } finally {
      tamper(d.id(), "Honest credit");
    }
    assertThat(decisions.verify().intact()).isTrue();
  }

  @Test
  void deletingTheNewestEntriesAndMovingTheHeadIsCaughtByTheWitness() {
    Decision first = decisions.record(account("henry@example.com"), goodwill("41", "Kept credit"));
    decisions.record(account("henry@example.com"), goodwill("42", "Deleted credit"));
    Decision last = decisions.record(account("henry@example.com"), goodwill("43", "Also deleted"));
    DecisionRecord.Verification before = decisions.verify();
    assertThat(before.intact()).isTrue();
    assertThat(before.lastGoodCheckpoint().seq()).isEqualTo(last.seq());
    assertThat(before.lastGoodCheckpoint().head()).isEqualTo(last.hash());

    // As the database's owner would: triggers off, the tail deleted, the head moved back. Put
    // back afterwards, since the other tests share this database.
    asOwner(
        owner -> {
          // a utility statement takes no parameters
          owner
              .sql(
                  "create table test_removed_tail as select * from decision where seq > "
                      + first.seq())
              .update();
          owner.sql("delete from decision where seq > ?").params(first.seq()).update();
          owner
              .sql("update decision_chain_head set seq = ?, hash = ?")
              .params(first.seq(), first.hash())
              .update();
        });
    try {
      DecisionRecord.Verification v = decisions.verify();
      assertThat(v.intact()).isFalse();
      assertThat(v.firstBrokenSeq()).isEqualTo(first.seq() + 1);
      assertThat(v.problem())
          .contains("ends at entry #" + first.seq())
          .contains("#" + last.seq())
          .contains("entries were removed");
      assertThat(v.lastGoodCheckpoint() == null || v.lastGoodCheckpoint().seq() <= first.seq())
          .isTrue();
    } finally {
      asOwner(
          owner -> {
            owner.sql("insert into decision select * from test_removed_tail").update();
            owner.sql("drop table test_removed_tail").update();
            owner
                .sql("update decision_chain_head set seq = ?, hash = ?")
                .params(last.seq(), last.hash())
                .update();
          });
    }
    assertThat(decisions.verify().intact()).isTrue();
  }

  @Test
  void aRewrittenAndRehashedNewestEntryIsCaughtByTheWitness() {
    BatonUser henry = account("henry@example.com");
    Decision d = decisions.find(henry, decisions.record(henry, goodwill("44", "Honest tail")).id());
    assertThat(decisions.verify().lastGoodCheckpoint().seq()).isEqualTo(d.seq());
    Decision forged =
        new Decision(
            d.id(),
            d.seq(),
            d.kind(),
            d.refersTo(),
            d.decidedAt(),
            d.deciderPersonId(),
            d.requestedByPersonId(),
            d.decisionType(),
            "Forged tail",
            d.reason(),
            d.amount(),
            d.currency(),
            d.context(),
            d.affectedTeamIds(),
            d.followUpOn(),
            d.verdict(),
            d.ruleId(),
            d.ruleVersion(),
            d.delegationId(),
            d.authority(),
            d.adviceConsidered(),
            d.confidential(),
            d.visibleTo(),
            d.prevHash(),
            "",
            d.deciderAccount(),
            d.learningsShown(),
            d.learningsAcknowledged(),
            d.priorityId());
    String forgedHash = DecisionChain.hash(forged.prevHash(), DecisionChain.content(forged));
    rewrite(d.id(), "Forged tail", forgedHash);
    try {
      DecisionRecord.Verification v = decisions.verify();
      assertThat(v.intact()).isFalse();
      assertThat(v.firstBrokenSeq()).isEqualTo(d.seq());
      assertThat(v.problem()).contains("not the entry the witness signed");
    } finally {
      rewrite(d.id(), d.title(), d.hash());
    }
    assertThat(decisions.verify().intact()).isTrue();
  }

  @Test
  void theApplicationsRoleCannotChangeTheRecordNorDisableItsTriggers() {
    Decision d = decisions.record(account("henry@example.com"), goodwill("46", "Guarded credit"));
    assertThatThrownBy(
            () -> jdbc.sql("alter table decision disable trigger decision_no_update").update())
        .rootCause()
        .hasMessageContaining("must be owner");
    assertThatThrownBy(() -> jdbc.sql("delete from decision where id = ?").params(d.id()).update())
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbc.sql("truncate decision cascade").update())
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("baton_app");
  }

  @Test
  void theEmbeddedDatabaseRefusesAConnectionWithoutThePassword() {
    assertThatThrownBy(
            () ->
                java.sql.DriverManager.getConnection(
                        org.baton.DatabaseOwner.url(dataSource), "postgres", "guessed")
                    .close())
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void aForgedCheckpointInTheWitnessLogIsReported() throws Exception {
    decisions.record(account("henry@example.com"), goodwill("45", "Witnessed credit"));
    assertThat(decisions.verify().intact()).isTrue();
    Path log = Path.of("target/test-home/witness/checkpoints.jsonl");
    String kept = Files.readString(log);
    String forged =
        kept.lines().reduce((a, b) -> b).orElseThrow().replaceFirst("\"seq\":(\\d+)", "\"seq\":1");
    try {
      Files.writeString(log, kept + forged + "\n");
      DecisionRecord.Verification v = decisions.verify();
      assertThat(v.intact()).isFalse();
      assertThat(v.problem()).contains("does not carry its signature");
    } finally {
      Files.writeString(log, kept);
    }
    assertThat(decisions.verify().intact()).isTrue();
  }

  @Test
  void adminsReadTheWitnessKeyAndCheckpointsOthersDoNot() throws Exception {
    decisions.verify();
    mvc.perform(get("/api/v1/decisions/checkpoints").with(user(account("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("BEGIN PUBLIC KEY")))
        .andExpect(content().string(containsString("\"signature\"")));
    mvc.perform(get("/api/v1/decisions/checkpoints").with(user(account("henry@example.com"))))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/decisions/verify").with(user(account("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Key fingerprint")));
  }

  @Test
  void manyConcurrentWritersLeaveOneValidLinearChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Decision>> futures = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      String who = i % 2 == 0 ? "henry@example.com" : "anna@example.com";
      int n = i;
      futures.add(
          pool.submit(
              () -> decisions.record(account(who), goodwill("" + (n + 1), "Concurrent " + n))));
    }
    List<Long> seqs = new ArrayList<>();
    for (Future<Decision> f : futures) {
      seqs.add(f.get().seq());
    }
    pool.shutdown();
    assertThat(seqs).doesNotHaveDuplicates();
    DecisionRecord.Verification v = decisions.verify();
    assertThat(v.intact()).isTrue();
    long max = jdbc.sql("select max(seq) from decision").query(Long.class).single();
    assertThat(v.entries()).isEqualTo(max);
  }

  @Test
  void anAppendWhoseCompanionWriteFailsIsLeftOutAndTheRestOfItsBatchCommits() throws Exception {
    BatonUser henry = account("henry@example.com");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Decision>> futures = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int n = i;
      futures.add(
          pool.submit(
              () ->
                  decisions.recordFor(
                      account("maria@example.com").personId(),
                      henry.personId(),
                      goodwill("" + (n + 1), "Batch " + n),
                      d -> {
                        if (n == 3) {
                          throw new InvalidInputException("status", "companion write failed");
                        }
                      })));
    }
    int failed = 0;
    for (Future<Decision> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        failed++;
        assertThat(e.getCause()).hasMessageContaining("companion write failed");
      }
    }
    pool.shutdown();
    assertThat(failed).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from decision where title = 'Batch 3'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from decision where title like 'Batch %'")
                .query(Long.class)
                .single())
        .isEqualTo(5);
    assertThat(decisions.verify().intact()).isTrue();
  }

  @Test
  void anExportVerifiesOfflineWithTheDocumentedCommand() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq")), "jq is missing (apt-get install -y jq)");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/openssl")),
        "openssl is missing (apt-get install -y openssl)");
    decisions.record(
        account("henry@example.com"), goodwill("12", "Quoted \"credit\"\nwith a line break"));
    StringWriter out = new StringWriter();
    decisions.export(out);
    Path export = temp.resolve("decisions.jsonl");
    Files.writeString(export, out.toString());
    assertThat(run(export)).startsWith("INTACT");

    String tampered = out.toString().replaceFirst("Quoted", "Altered");
    Files.writeString(export, tampered);
    assertThat(run(export)).startsWith("BROKEN");

    // The newest entry left out of the export, as if deleted: its checkpoint still names it.
    decisions.verify();
    out = new StringWriter();
    decisions.export(out);
    List<String> lines = new ArrayList<>(out.toString().lines().toList());
    int lastEntry = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("{\"content\":")) {
        lastEntry = i;
      }
    }
    Files.writeString(export, String.join("\n", lines) + "\n");
    assertThat(run(export)).startsWith("INTACT").contains("checkpoints hold");
    lines.remove(lastEntry);
    Files.writeString(export, String.join("\n", lines) + "\n");
    assertThat(run(export)).startsWith("TRUNCATED");
  }

  @Test
  void mariaApprovesHenrysRequestAndTheDecisionIsHersNamingHim() {
    BatonUser henry = account("henry@example.com");
    BatonUser maria = account("maria@example.com");
    long mariaId = maria.personId();
    HolderRequest asked = requests.ask(henry, mariaId, goodwill("800", "Third failed repair"));
    assertThat(requests.involving(maria)).extracting(HolderRequest::id).contains(asked.id());
    assertThatThrownBy(() -> requests.approve(henry, asked.id(), null))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

    HolderRequest approved = requests.approve(maria, asked.id(), null);
    assertThat(approved.status()).isEqualTo("APPROVED");
    assertThat(approved.timeToAnswer()).isNotNull();
    Decision d = decisions.find(henry, approved.decisionId());
    assertThat(d.deciderPersonId()).isEqualTo(mariaId);
    assertThat(d.requestedByPersonId()).isEqualTo(henry.personId());
    assertThat(d.reason()).isEqualTo("The customer was let down twice");
    assertThatThrownBy(() -> requests.decline(maria, asked.id(), "changed my mind"))
        .hasMessageContaining("already been answered");
  }

  @Test
  void aRequestWhoseReasonIsAtTheLimitCanStillBeApproved() {
    BatonUser henry = account("henry@example.com");
    BatonUser maria = account("maria@example.com");
    DecisionDraft longReason =
        new DecisionDraft(
            "customer.goodwill",
            "A long story",
            "x".repeat(2000),
            Money.of("900", "EUR"),
            Map.of(),
            List.of(),
            null,
            null,
            null);
    HolderRequest asked = requests.ask(henry, maria.personId(), longReason);
    HolderRequest approved = requests.approve(maria, asked.id(), null);
    assertThat(approved.status()).isEqualTo("APPROVED");
    assertThat(decisions.find(henry, approved.decisionId()).requestedByPersonId())
        .isEqualTo(henry.personId());
  }

  @Test
  void theAdminAccountReversesADecisionAndTheReversalNamesTheAccount() {
    Decision d = decisions.record(account("henry@example.com"), goodwill("25", "Admin reverses"));
    Decision reversal = decisions.reverse(account("admin"), d.id(), "Entered by mistake");
    assertThat(reversal.kind()).isEqualTo(Decision.Kind.REVERSAL);
    assertThat(reversal.deciderPersonId()).isNull();
    assertThat(reversal.deciderAccount()).isEqualTo("admin");
    assertThat(decisions.verify().intact()).isTrue();
  }

  @Test
  void onlyTheDeciderAnAdminOrAHolderSupersedesAndOnlyWithTheSameType() {
    BatonUser henry = account("henry@example.com");
    Decision d = decisions.record(henry, goodwill("60", "To be superseded"));
    // Olivia (production) holds no goodwill authority: she may see it, not supersede it.
    assertThatThrownBy(
            () ->
                decisions.record(
                    account("olivia@example.com"), supersede(goodwill("50", "Mine"), d.id())))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    // Maria holds goodwill authority at that amount: she may.
    Decision byMaria =
        decisions.record(account("maria@example.com"), supersede(goodwill("70", "Better"), d.id()));
    assertThat(byMaria.kind()).isEqualTo(Decision.Kind.SUPERSESSION);
    assertThat(byMaria.refersTo()).isEqualTo(d.id());

    Decision other = decisions.record(henry, goodwill("61", "Another"));
    DecisionDraft otherType =
        new DecisionDraft(
            "customer.refund",
            "Replace instead",
            "Better for the customer",
            Money.of("61", "EUR"),
            Map.of(),
            List.of(),
            null,
            null,
            other.id());
    assertThatThrownBy(() -> decisions.record(henry, otherType))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("same type");
  }

  @Test
  void aReversedDecisionCannotBeSupersededAndSaysSo() {
    BatonUser henry = account("henry@example.com");
    Decision d = decisions.record(henry, goodwill("65", "Reversed first"));
    decisions.reverse(henry, d.id(), "Wrong customer");
    assertThatThrownBy(() -> decisions.record(henry, supersede(goodwill("66", "Again"), d.id())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already been reversed or superseded");
  }

  @Test
  void askingForSomethingWithinOnesOwnAuthorityIsRefused() {
    assertThatThrownBy(
            () ->
                requests.ask(
                    account("henry@example.com"),
                    account("maria@example.com").personId(),
                    goodwill("100", "Small")))
        .hasMessageContaining("decide it yourself");
  }

  @Test
  void confidentialDecisionsAreSeenOnlyByThoseInvolvedAndAdmins() throws Exception {
    BatonUser ruth = account("ruth@example.com");
    DecisionDraft writeOff =
        new DecisionDraft(
            "finance.write-off",
            "Write off the Meyer receivable",
            "Customer insolvent",
            Money.of("3000", "EUR"),
            Map.of(),
            List.of(),
            null,
            null,
            null);
    Decision d = decisions.record(ruth, writeOff);
    assertThat(d.confidential()).isTrue();
    assertThat(decisions.find(ruth, d.id()).id()).isEqualTo(d.id());
    assertThat(decisions.find(account("admin"), d.id()).id()).isEqualTo(d.id());
    assertThatThrownBy(() -> decisions.find(account("henry@example.com"), d.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(decisions.list(account("henry@example.com"), "all", null, null, null, 100).items())
        .extracting(Decision::id)
        .doesNotContain(d.id());
    // The same in the page and the API.
    mvc.perform(
            get("/decisions/" + d.id())
                .with(user(account("henry@example.com")))
                .accept("text/html"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/decisions/" + d.id()).with(user(account("henry@example.com"))))
        .andExpect(status().isNotFound());
    mvc.perform(get("/decisions?scope=all").with(user(account("henry@example.com"))))
        .andExpect(content().string(not(containsString("Write off the Meyer receivable"))));
    mvc.perform(get("/decisions/" + d.id()).with(user(account("ruth@example.com"))))
        .andExpect(content().string(containsString("Write off the Meyer receivable")));
  }

  private String run(Path export) throws Exception {
    Process p =
        new ProcessBuilder("bash", "scripts/verify-decision-export.sh", export.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return output;
  }

  /** Runs the work as the database's owner, each statement committed, the triggers off. */
  private void asOwner(java.util.function.Consumer<JdbcClient> work) {
    var connection = org.baton.DatabaseOwner.connect(dataSource);
    try {
      JdbcClient owner = JdbcClient.create(connection);
      owner.sql("alter table decision disable trigger decision_no_update").update();
      try {
        work.accept(owner);
      } finally {
        owner.sql("alter table decision enable trigger decision_no_update").update();
      }
    } finally {
      connection.destroy();
    }
  }

  private void tamper(long id, String title) {
    asOwner(
        owner ->
            owner.sql("update decision set title = ? where id = ?").params(title, id).update());
  }

  private void rewrite(long id, String title, String hash) {
    asOwner(
        owner -> {
          owner
              .sql("update decision set title = ?, hash = ? where id = ?")
              .params(title, hash, id)
              .update();
          owner
              .sql(
                  "update decision_chain_head set hash = ? where seq = (select max(seq) from decision)")
              .params(hash)
              .update();
        });
  }

  private BatonUser account(String username) {
    return (BatonUser) accounts.loadUserByUsername(username);
  }

  private static DecisionDraft supersede(DecisionDraft draft, long earlier) {
    return new DecisionDraft(
        draft.decisionType(),
        draft.title(),
        draft.reason(),
        draft.amount(),
        draft.context(),
        draft.affectedTeamIds(),
        draft.followUpOn(),
        draft.adviceConsidered(),
        earlier);
  }

  private static DecisionDraft goodwill(String amount, String title) {
    return new DecisionDraft(
        "customer.goodwill",
        title,
        "The customer was let down twice",
        Money.of(amount, "EUR"),
        Map.of(),
        List.of(),
        null,
        null,
        null);
  }
}
