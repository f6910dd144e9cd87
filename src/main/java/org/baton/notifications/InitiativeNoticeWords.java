package org.baton.notifications;

import java.util.function.Function;
import org.baton.initiatives.InitiativeChanged;

/** What happened to an initiative, in the words its notifications and live updates say. */
final class InitiativeNoticeWords {

  private InitiativeNoticeWords() {}

  static String text(InitiativeChanged event, Function<Long, String> name) {
    String actor = name.apply(event.actorPersonId());
    return switch (event.kind()) {
      case STARTED -> "was started by " + actor;
      case SUPPORTER_JOINED -> actor + " joined as a supporter";
      case HANDED_OVER -> actor + " handed the lead to " + name.apply(event.otherPersonId());
      case PICKED_UP -> actor + " picked up the lead";
      case STATUS_CHANGED -> "is now " + event.status().label().toLowerCase();
      case COMMENTED -> actor + " commented";
      case HELP_OFFERED -> actor + " offered help";
      case LEADER_LEFT -> actor + " has left: the lead is open for you to pick up";
    };
  }

  static NotificationKind kind(InitiativeChanged event) {
    return switch (event.kind()) {
      case HANDED_OVER, PICKED_UP, STATUS_CHANGED, LEADER_LEFT ->
          NotificationKind.INITIATIVE_MILESTONE;
      default -> NotificationKind.INITIATIVE_ACTIVITY;
    };
  }
}
