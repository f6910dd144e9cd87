package org.baton.directory;

/**
 * Published after a change to people or teams commits, so that views of the organisation refresh.
 */
public record DirectoryChanged() {}
