package org.baton.platform;

/**
 * Signals between the Baton servers on one database, for what each keeps in memory: a module
 * announces that something it caches changed, and every server drops its copy. With one server (the
 * default) there is nobody to tell and each module's own after-commit listener suffices; with
 * several ({@code baton.live.bus=postgres}) the signal is a PostgreSQL {@code NOTIFY}, sent with
 * the transaction that made the change, so a rolled-back change signals nothing.
 */
public interface ServerSignals {

  /** Tells every server that {@code topic} changed, once the current transaction commits. */
  void announce(String topic);

  /** What this server does when any server announces {@code topic}. */
  void onAnnounced(String topic, Runnable action);
}
