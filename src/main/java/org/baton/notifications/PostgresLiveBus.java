package org.baton.notifications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.baton.platform.CanonicalJson;
import org.baton.platform.ServerSignals;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events cross servers through PostgreSQL: publishing announces the event on the server signal
 * topic {@value #TOPIC} (a {@code NOTIFY}); every server (this one included) hands what arrives to
 * the streams open on it.
 */
@Component
@ConditionalOnProperty(name = "baton.live.bus", havingValue = "postgres")
class PostgresLiveBus implements LiveBus {

  static final String TOPIC = "live";

  private final ServerSignals signals;
  private final LiveStreams streams;
  private final JsonMapper json;

  PostgresLiveBus(ServerSignals signals, LiveStreams streams, JsonMapper json) {
    this.signals = signals;
    this.streams = streams;
    this.json = json;
    signals.onAnnounced(TOPIC, this::deliver);
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
    signals.announce(TOPIC, payload);
  }

  /** To everyone: no list of people, which would not fit a notification's 8,000 bytes. */
  @Override
  public void broadcast(String name, String data) {
    signals.announce(
        TOPIC,
        CanonicalJson.object(
            Map.of(
                "everyone", "true",
                "name", CanonicalJson.string(name),
                "data", CanonicalJson.string(data))));
  }

  private void deliver(String payload) {
    if (payload == null) {
      return; // events missed while the connection was down: the pages re-sync on their own
    }
    JsonNode event = json.readTree(payload);
    if (event.has("everyone")) {
      streams.sendToAll(event.get("name").asString(), event.get("data").asString());
      return;
    }
    List<Long> people = new ArrayList<>();
    event.get("people").forEach(id -> people.add(id.asLong()));
    streams.send(people, event.get("name").asString(), event.get("data").asString());
  }
}
