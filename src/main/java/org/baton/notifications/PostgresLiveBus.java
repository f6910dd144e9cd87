package org.baton.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.baton.platform.CanonicalJson;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events cross servers through PostgreSQL: publishing is a {@code NOTIFY} on the channel {@value
 * #CHANNEL}; every server (this one included) {@code LISTEN}s on its own connection and hands what
 * arrives to the streams open on it.
 */
@Component
@ConditionalOnProperty(name = "baton.live.bus", havingValue = "postgres")
class PostgresLiveBus implements LiveBus, DisposableBean {

  static final String CHANNEL = "baton_live";
  private static final Logger log = LoggerFactory.getLogger(PostgresLiveBus.class);

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final LiveStreams streams;
  private final JsonMapper json;
  private final Thread listener;
  private volatile boolean running = true;

  PostgresLiveBus(JdbcTemplate jdbc, DataSource dataSource, LiveStreams streams, JsonMapper json) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.streams = streams;
    this.json = json;
    this.listener = new Thread(this::listen, "live-bus-listener");
    this.listener.setDaemon(true);
    this.listener.start();
  }

  @Override
  public void publish(Collection<Long> people, String name, String data) {
    String payload =
        CanonicalJson.object(
            Map.of(
                "people",
                    people.stream()
                        .map(String::valueOf)
                        .reduce((a, b) -> a + "," + b)
                        .map(s -> "[" + s + "]")
                        .orElse("[]"),
                "name", CanonicalJson.string(name),
                "data", CanonicalJson.string(data)));
    jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, payload);
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              deliver(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("The live bus lost its database connection; listening again in a second", e);
          sleep();
        }
      }
    }
  }

  private void deliver(String payload) {
    JsonNode event = json.readTree(payload);
    List<Long> people = new ArrayList<>();
    event.get("people").forEach(id -> people.add(id.asLong()));
    streams.send(people, event.get("name").asString(), event.get("data").asString());
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    running = false;
    listener.join(2000);
  }
}
