package org.baton.roles;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A group that has roles: a team, or a cross-team programme such as a sustainability change team.
 *
 * @param teamId the team it belongs to, or null for a programme across teams
 * @param leadPersonId who posts its roles, talks with applicants and agrees matches
 */
public record Circle(
    long id,
    String name,
    String purpose,
    @Schema(nullable = true) Long teamId,
    long leadPersonId,
    Instant createdAt) {}
