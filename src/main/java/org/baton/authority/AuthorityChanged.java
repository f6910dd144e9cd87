package org.baton.authority;

/** Published after a change to types, rules or delegations commits; the policy reloads. */
public record AuthorityChanged() {}
