package org.baton.notifications;

import org.baton.identity.BatonUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with notifications, each a plain question with its refusal beside it:
 *
 * <ul>
 *   <li>One's own notifications, preferences and calendar address: the person themselves (an
 *       account that is no person is told to sign in as itself); nobody reads another's.
 *   <li>The defaults that apply where a person has not chosen: admins.
 *   <li>Webhooks (subscriptions, their secrets and deliveries): admins.
 * </ul>
 */
final class NotificationPermissions {

  private NotificationPermissions() {}

  static boolean maySetDefaults(BatonUser actor) {
    return actor.isAdmin();
  }

  static boolean mayManageWebhooks(BatonUser actor) {
    return actor.isAdmin();
  }

  static void requireSetDefaults(BatonUser actor) {
    if (!maySetDefaults(actor)) {
      throw new AccessDeniedException("Only admins set the defaults.");
    }
  }

  static void requireManageWebhooks(BatonUser actor) {
    if (!mayManageWebhooks(actor)) {
      throw new AccessDeniedException("Only admins manage webhooks.");
    }
  }
}
