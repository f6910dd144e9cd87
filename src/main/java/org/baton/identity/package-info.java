/**
 * Sign-in and who is acting: accounts, passwords, personal API tokens, throttling of failed
 * sign-ins and the web security rules. Other modules see the acting person as {@link
 * org.baton.identity.BatonUser}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Identity",
    allowedDependencies = {"platform", "directory"})
package org.baton.identity;
