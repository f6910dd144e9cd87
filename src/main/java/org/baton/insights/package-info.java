/**
 * What gathers the others: the home, with what waits for each person (the agenda), read through the
 * other modules' public services, which decide who may see what; and the insights (where and how
 * fast decisions are made, who leads, where work waits, learning and alignment), answered from
 * aggregates its followers keep as work happens, which count nothing confidential or restricted.
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
      "growth",
      "polls"
    })
package org.baton.insights;
