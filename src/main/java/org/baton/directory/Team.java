package org.baton.directory;

/** A team in the organisation's tree; the root teams have no parent. */
public record Team(
    long id, String name, Long parentId, Long leaderId, String leaderName, boolean active) {}
