/**
 * The decision record: who decided what, on which authority, with which advice. Entries are never
 * changed: they are reversed or superseded by new entries, and each is hash-chained to the one
 * before. Also: asking someone who holds the authority to decide.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Decisions",
    allowedDependencies = {"platform", "directory", "identity", "authority", "strategy"})
package org.baton.decisions;
