/**
 * The advice system: a question put to a panel of specialists chosen to cover the perspectives that
 * matter, advice given with a stance and reasons (every revision kept), the advice side by side by
 * perspective, and closing the request by deciding. Advice is sought, not permission.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Advice",
    allowedDependencies = {
      "platform",
      "directory",
      "identity",
      "authority",
      "decisions",
      "initiatives",
      "strategy"
    })
package org.baton.advice;
