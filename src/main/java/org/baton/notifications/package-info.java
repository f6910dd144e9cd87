/**
 * Telling people what they should know, as it happens: the notification centre, and live streams
 * (Server-Sent Events) to browsers and API clients. Other modules publish events; this one decides
 * who hears of them.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {
      "platform",
      "identity",
      "directory",
      "advice",
      "initiatives",
      "decisions",
      "authority",
      "learning",
      "strategy",
      "roles",
      "growth",
      "polls"
    })
package org.baton.notifications;
