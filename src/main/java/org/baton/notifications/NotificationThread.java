package org.baton.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.notifications.NotificationCentre.Notification;

/**
 * The notifications about one thing (one advice request, one initiative), newest first: the page
 * shows the newest and folds the rest under it, so that five answers to one question are one line,
 * not five.
 */
public record NotificationThread(Notification latest, List<Notification> earlier) {

  /** Whether anything in the thread is unread. */
  public boolean unread() {
    return !latest.read() || earlier.stream().anyMatch(n -> !n.read());
  }

  /** Threads by the thing each notification links to, in the order of their newest. */
  static List<NotificationThread> of(List<Notification> newestFirst) {
    Map<String, List<Notification>> byLink = new LinkedHashMap<>();
    for (Notification n : newestFirst) {
      byLink.computeIfAbsent(n.link(), link -> new ArrayList<>()).add(n);
    }
    return byLink.values().stream()
        .map(all -> new NotificationThread(all.get(0), List.copyOf(all.subList(1, all.size()))))
        .toList();
  }
}
