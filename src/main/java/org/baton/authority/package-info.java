/**
 * Decision authority: decision types, authority rules and their versions, delegations, and the
 * check "may this person decide this?" that answers in microseconds from an in-memory policy.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Authority",
    allowedDependencies = {"platform", "directory", "identity"})
package org.baton.authority;
