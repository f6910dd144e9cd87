package org.baton.platform.db;

import org.baton.platform.ServerSignals;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** One server: nobody else to tell; each module drops its own caches after its own commits. */
@Component
@ConditionalOnProperty(name = "baton.live.bus", havingValue = "in-process", matchIfMissing = true)
class SingleServer implements ServerSignals {

  @Override
  public void announce(String topic) {}

  @Override
  public void onAnnounced(String topic, Runnable action) {}
}
