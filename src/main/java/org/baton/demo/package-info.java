/**
 * The demo organisation: a fictional manufacturer created on the first start with an empty database
 * (unless {@code BATON_DEMO=false}), through the services an admin and its people use: the people
 * import, the authority policy, and a few decisions recorded against it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo organisation",
    allowedDependencies = {"platform", "directory", "identity", "authority", "decisions"})
package org.baton.demo;
