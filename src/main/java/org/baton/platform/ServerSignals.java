package org.baton.platform;

import java.util.function.Consumer;

/**
 * Signals between the Baton servers on one database: a module announces something on a topic (that
 * a cache of it changed, or a live event with its message) and every server, this one included,
 * runs what it registered for that topic. With one server (the default) nothing crosses servers and
 * each module acts on its own after-commit listeners; with several ({@code
 * baton.live.bus=postgres}) a signal is a PostgreSQL {@code NOTIFY}, sent with the transaction that
 * made the change, so a rolled-back change signals nothing. A message is at most about 8,000 bytes.
 */
public interface ServerSignals {

  /** Tells every server about {@code topic}, once the current transaction commits. */
  void announce(String topic, String message);

  /**
   * What this server does when any server announces {@code topic}. The message is {@code null} when
   * announcements may have been missed (after a lost database connection): drop what is cached.
   */
  void onAnnounced(String topic, Consumer<String> action);
}
