package org.baton.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.baton.BatonApplication;
import org.baton.BatonIntegrationTest;
import org.baton.Listeners;
import org.baton.advice.AdviceRequest;
import org.baton.advice.AdviceService;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An event between modules survives a crash between the commit that published it and its listener:
 * a Baton asks for advice, is killed with SIGKILL before the panel is notified, and the next start
 * notifies them.
 */
@BatonIntegrationTest
class DurableEventsIntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  @Test
  void aNotificationDueWhenBatonWasKilledIsDeliveredAfterTheRestart() throws Exception {
    String url = ((HikariDataSource) dataSource).getJdbcUrl();
    Listeners.awaitAllHandled(jdbc);
    Process baton =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AskThenWait.class.getName(),
                url)
            .redirectErrorStream(true)
            .start();
    long requestId = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(baton.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (requestId < 0 && (line = out.readLine()) != null) {
        if (line.startsWith("COMMITTED ")) {
          requestId = Long.parseLong(line.substring("COMMITTED ".length()).strip());
        }
      }
    } finally {
      baton.destroyForcibly(); // SIGKILL: the listener, waiting on the lock, never finishes
      assertThat(baton.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(requestId).as("the child asked for advice and committed").isPositive();
    long priya = account("priya@example.com").personId();
    String link = "/advice/" + requestId;
    assertThat(notificationsAbout(priya, link)).as("nobody was told before the kill").isZero();
    assertThat(
            jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single())
        .as("the publication was kept with the commit")
        .isPositive();

    try (ConfigurableApplicationContext restarted = server(url)) {
      Listeners.awaitAllHandled(jdbc);
      assertThat(notificationsAbout(priya, link)).as("told once, after the restart").isEqualTo(1);
    }
  }

  private long notificationsAbout(long person, String link) {
    return jdbc.sql("select count(*) from notification where person_id = ? and link = ?")
        .params(person, link)
        .query(Long.class)
        .single();
  }

  private BatonUser account(String email) {
    return (BatonUser) accounts.loadUserByUsername(email);
  }

  static ConfigurableApplicationContext server(String url) {
    return SpringApplication.run(
        BatonApplication.class,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=baton_app",
        "--spring.datasource.password=" + org.baton.DatabaseOwner.password("app-password"),
        "--server.port=0",
        "--baton.demo=false",
        "--baton.admin-password=test-admin-password",
        "--baton.advice.reminder-initial-delay=PT24H",
        "--logging.level.root=WARN");
  }

  /**
   * The child: a whole Baton on the test's database. With the notification table locked, it asks
   * for advice (committed, with its event publication) and says so; its listener then waits on the
   * lock until the process is killed.
   */
  public static final class AskThenWait {
    public static void main(String[] args) throws Exception {
      ConfigurableApplicationContext baton = server(args[0]);
      Connection lock = baton.getBean(DataSource.class).getConnection();
      lock.setAutoCommit(false);
      lock.createStatement().execute("lock table notification in exclusive mode");
      Accounts accounts = baton.getBean(Accounts.class);
      BatonUser olivia = (BatonUser) accounts.loadUserByUsername("olivia@example.com");
      BatonUser priya = (BatonUser) accounts.loadUserByUsername("priya@example.com");
      AdviceRequest asked =
          baton
              .getBean(AdviceService.class)
              .ask(
                  olivia,
                  new AdviceService.Ask(
                      null,
                      "Asked just before a crash",
                      "Will Priya hear of it?",
                      Instant.now().plus(Duration.ofDays(1)),
                      List.of(),
                      List.of(priya.personId()),
                      false,
                      null,
                      null));
      System.out.println("COMMITTED " + asked.id());
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
