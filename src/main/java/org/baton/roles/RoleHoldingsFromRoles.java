package org.baton.roles;

import java.util.List;
import java.util.Map;
import org.baton.authority.RoleHoldings;
import org.springframework.stereotype.Component;

/** Tells the authority check who holds which role (it loads this when its policy reloads). */
@Component
class RoleHoldingsFromRoles implements RoleHoldings {

  private final RolesStore store;

  RoleHoldingsFromRoles(RolesStore store) {
    this.store = store;
  }

  @Override
  public List<Holding> current() {
    return store.allHoldings().stream()
        .map(h -> new Holding(h.roleId(), h.personId(), h.until()))
        .toList();
  }

  @Override
  public Map<Long, String> roleNames() {
    return store.roleNames();
  }
}
