/**
 * What gathers the others: the home, with what waits for each person (the agenda), and later the
 * insights into where and how fast decisions are made. It reads through the other modules' public
 * services, which decide who may see what; it keeps nothing of its own.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Insights",
    allowedDependencies = {
      "platform",
      "directory",
      "identity",
      "authority",
      "decisions",
      "initiatives",
      "advice",
      "learning",
      "strategy",
      "roles",
      "growth"
    })
package org.baton.insights;
