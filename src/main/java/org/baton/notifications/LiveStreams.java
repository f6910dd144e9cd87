package org.baton.notifications;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Event streams, by person. In process for now: every event passes through
 * {@link #send}, the one place a cross-node implementation (PostgreSQL LISTEN/NOTIFY) would
 * replace.
 */
@Component
class LiveStreams {

  static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

  private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

  SseEmitter open(long personId) {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
    Set<SseEmitter> mine = streams.computeIfAbsent(personId, id -> new CopyOnWriteArraySet<>());
    mine.add(emitter);
    Runnable remove = () -> mine.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    try {
      // Tells the browser the stream is up, so that a page can re-sync after a reconnect.
      emitter.send(SseEmitter.event().name("ready").data("ready"));
    } catch (IOException e) {
      remove.run();
    }
    return emitter;
  }

  void send(Collection<Long> people, String name, String data) {
    for (Long person : people) {
      for (SseEmitter emitter : streams.getOrDefault(person, Set.of())) {
        try {
          emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException e) {
          streams.getOrDefault(person, Set.of()).remove(emitter);
        }
      }
    }
  }

  void sendToAll(String name, String data) {
    send(List.copyOf(streams.keySet()), name, data);
  }

  /** Open streams would hold shutdown for 30 seconds; end them first. */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    streams.values().forEach(set -> set.forEach(SseEmitter::complete));
    streams.clear();
  }
}
