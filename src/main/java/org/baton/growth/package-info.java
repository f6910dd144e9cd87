/**
 * Growing into authority: each person's track record per decision type (followed from the decision
 * record as it is written, never by rescanning it), a named, tunable {@link
 * org.baton.growth.GrowthPolicy} that says when a record has earned a higher limit, and the
 * suggestions it makes to the owner of the rule that limits the person, who approves (the raise is
 * made by {@link org.baton.authority.LimitRaises}), declines with a reason or defers. Who may see
 * and do what is {@link org.baton.growth.GrowthPermissions}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Growth",
    allowedDependencies = {
      "platform",
      "directory",
      "identity",
      "authority",
      "decisions",
      "advice",
      "learning"
    })
package org.baton.growth;
