package org.baton.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.baton.platform.ServerSignals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Several servers on one database: an announcement is a {@code NOTIFY} on {@value #CHANNEL} in the
 * announcing transaction (PostgreSQL delivers it on commit, and never after a rollback); every
 * server, this one included, {@code LISTEN}s on its own connection and runs what was registered for
 * the topic. After a lost connection every registered action runs once, since announcements may
 * have been missed meanwhile.
 */
@Component
@ConditionalOnProperty(name = "baton.live.bus", havingValue = "postgres")
class PostgresServerSignals implements ServerSignals, DisposableBean {

  static final String CHANNEL = "baton_signals";
  private static final Logger log = LoggerFactory.getLogger(PostgresServerSignals.class);

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final Map<String, List<Consumer<String>>> actions = new ConcurrentHashMap<>();
  private final Thread listener;
  private volatile boolean running = true;

  PostgresServerSignals(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.listener = new Thread(this::listen, "server-signals-listener");
    this.listener.setDaemon(true);
    this.listener.start();
  }

  @Override
  public void announce(String topic, String message) {
    jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, topic + "\n" + message);
  }

  @Override
  public void onAnnounced(String topic, Consumer<String> action) {
    actions.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(action);
  }

  private void listen() {
    boolean reconnecting = false;
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        if (reconnecting) {
          actions.values().forEach(list -> list.forEach(action -> action.accept(null)));
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
          reconnecting = true;
          log.warn("Server signals lost their database connection; listening again in a second", e);
          sleep();
        }
      }
    }
  }

  private void deliver(String payload) {
    int newline = payload.indexOf('\n');
    String topic = newline < 0 ? payload : payload.substring(0, newline);
    String message = newline < 0 ? "" : payload.substring(newline + 1);
    for (Consumer<String> action : actions.getOrDefault(topic, List.of())) {
      try {
        action.accept(message);
      } catch (RuntimeException e) {
        log.warn("A server signal on '{}' failed", topic, e);
      }
    }
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
