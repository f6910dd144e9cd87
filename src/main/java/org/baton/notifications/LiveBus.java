package org.baton.notifications;

import java.util.Collection;

/**
 * The one way live events travel to the streams of the people concerned. In process by default;
 * with {@code baton.live.bus=postgres}, through PostgreSQL's LISTEN/NOTIFY, so that several Baton
 * servers sharing one database deliver each event to streams open on any of them.
 */
interface LiveBus {

  void publish(Collection<Long> people, String name, String data);

  /**
   * To every open stream: for signals that carry nothing a reader may not see (the page reloads
   * what its own reader may see), such as "the learning feed changed".
   */
  void broadcast(String name, String data);
}
