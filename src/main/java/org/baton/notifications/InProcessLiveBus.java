package org.baton.notifications;

import java.util.Collection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Events go straight to the streams open on this server: right for a single server. */
@Component
@ConditionalOnProperty(name = "baton.live.bus", havingValue = "in-process", matchIfMissing = true)
class InProcessLiveBus implements LiveBus {

  private final LiveStreams streams;

  InProcessLiveBus(LiveStreams streams) {
    this.streams = streams;
  }

  @Override
  public void publish(Collection<Long> people, String name, String data) {
    streams.send(people, name, data);
  }

  @Override
  public void broadcast(String name, String data) {
    streams.sendToAll(name, data);
  }
}
