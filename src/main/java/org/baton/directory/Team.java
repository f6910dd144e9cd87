package org.baton.directory;

import io.swagger.v3.oas.annotations.media.Schema;

/** A team in the organisation's tree; the root teams have no parent. */
public record Team(
    long id,
    String name,
    @Schema(nullable = true) Long parentId,
    @Schema(nullable = true) Long leaderId,
    @Schema(nullable = true) String leaderName,
    boolean active) {}
