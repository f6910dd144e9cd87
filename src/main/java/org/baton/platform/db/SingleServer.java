package org.baton.platform.db;

import java.util.function.Consumer;
import org.baton.platform.ServerSignals;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** One server: nobody else to tell; each module acts on its own after-commit listeners. */
@Component
@ConditionalOnProperty(name = "baton.live.bus", havingValue = "in-process", matchIfMissing = true)
class SingleServer implements ServerSignals {

  @Override
  public void announce(String topic, String message) {}

  @Override
  public void onAnnounced(String topic, Consumer<String> action) {}
}
