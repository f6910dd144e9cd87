package org.baton;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Listeners between modules run after the commit, on their own threads. Tests that look at what a
 * listener does (a notification) first wait until every stored publication has been handled:
 * handled ones are deleted from the registry.
 */
public final class Listeners {

  private Listeners() {}

  public static void awaitAllHandled(JdbcClient jdbc) {
    try {
      awaitQuietly(jdbc);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "Listeners did not finish: "
              + jdbc.sql(
                      "select listener_id || ' ' || event_type || ' ' || serialized_event"
                          + " from event_publication where completion_date is null")
                  .query(String.class)
                  .list(),
          e);
    }
  }

  private static void awaitQuietly(JdbcClient jdbc) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                jdbc.sql("select count(*) from event_publication where completion_date is null")
                        .query(Long.class)
                        .single()
                    == 0);
  }
}
