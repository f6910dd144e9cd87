/**
 * The demo organisation: a fictional manufacturer created on the first start with an empty database
 * (unless {@code BATON_DEMO=false}), through the same import an admin uses.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo organisation",
    allowedDependencies = {"platform", "directory", "identity", "authority"})
package org.baton.demo;
