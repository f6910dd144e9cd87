package org.baton.roles;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A line of a role's history: every hand-over is a baton pass, recorded with who and why. */
public record RoleEvent(
    Kind kind,
    @Schema(nullable = true) Long personId,
    @Schema(nullable = true) String personName,
    @Schema(nullable = true) Long fromPersonId,
    @Schema(nullable = true) String fromPersonName,
    @Schema(nullable = true) String byName,
    String note,
    Instant at) {

  public enum Kind {
    CREATED,
    CHANGED,
    OPENED,
    CLOSED,
    HANDED,
    LEFT
  }
}
