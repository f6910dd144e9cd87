package org.baton.authority;

/**
 * Published in the transaction that changes types, rules or delegations; the policy reloads when it
 * commits, on every server (the {@link org.baton.platform.ServerSignals} topic {@value #SIGNAL}).
 */
public record AuthorityChanged() {
  public static final String SIGNAL = "authority";
}
