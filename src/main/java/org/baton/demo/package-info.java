/**
 * The demo organisation: a fictional manufacturer created on the first start with an empty database
 * (unless {@code BATON_DEMO=false}), through the services an admin and its people use: the people
 * import, the authority policy, a few decisions recorded against it, what it has learned, its
 * strategy, a change team with open roles, and six months of history behind it all.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo organisation",
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
      "polls"
    })
package org.baton.demo;
