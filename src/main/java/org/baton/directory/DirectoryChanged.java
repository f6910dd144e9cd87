package org.baton.directory;

/**
 * Published in the transaction that changes people or teams; views of the organisation refresh when
 * it commits, on every server (the {@link org.baton.platform.ServerSignals} topic {@value
 * #SIGNAL}).
 */
public record DirectoryChanged() {
  public static final String SIGNAL = "directory";
}
