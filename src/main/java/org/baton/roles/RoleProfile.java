package org.baton.roles;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a person says about themselves and roles: open to being asked, their interests, the hours a
 * week they can give to roles; and what they have committed already.
 */
public record RoleProfile(
    long personId,
    boolean openToRoles,
    List<String> interests,
    @Schema(nullable = true) BigDecimal hoursAvailable,
    BigDecimal hoursCommitted) {

  public RoleProfile {
    interests = List.copyOf(interests);
  }

  /** Whether committing this many more hours would go past what the person said they can give. */
  public boolean wouldExceed(BigDecimal moreHours) {
    return hoursAvailable != null && hoursCommitted.add(moreHours).compareTo(hoursAvailable) > 0;
  }

  public BigDecimal hoursFree() {
    return hoursAvailable == null
        ? null
        : hoursAvailable.subtract(hoursCommitted).max(BigDecimal.ZERO);
  }
}
