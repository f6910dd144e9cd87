package org.baton.directory;

/**
 * A person was deactivated: published in the deactivating transaction, so that what must end with
 * them (sign-in sessions, API tokens) ends in the same commit.
 */
public record PersonDeactivated(long personId) {}
