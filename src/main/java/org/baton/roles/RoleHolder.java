package org.baton.roles;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A person holding a seat of a role, with what they committed to.
 *
 * @param granted whether the holding grants the role's authority: false while it waits for the
 *     approval of the owners of the rules the role holds (docs/ROLES.md)
 */
public record RoleHolder(
    long id,
    long roleId,
    long personId,
    String personName,
    BigDecimal hoursPerWeek,
    @Schema(nullable = true) LocalDate until,
    String commitment,
    Instant startedAt,
    boolean granted) {}
