package org.baton.authority;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Who holds which role, for rules whose holder is a role. Kept by the roles module, which depends
 * on this one; it publishes {@link AuthorityChanged} in the transaction that hands a role on, so
 * the check sees the new holder as soon as that commits.
 */
public interface RoleHoldings {

  /** A person holding a role, up to and including {@code until} (null: no end). */
  record Holding(long roleId, long personId, LocalDate until) {}

  /** Every current holding. */
  List<Holding> current();

  /** Every role's name by id, to say "the holders of Supplier sustainability lead". */
  Map<Long, String> roleNames();

  /** Before the roles module is there (and in tests of this module alone): nobody holds a role. */
  RoleHoldings NONE =
      new RoleHoldings() {
        @Override
        public List<Holding> current() {
          return List.of();
        }

        @Override
        public Map<Long, String> roleNames() {
          return Map.of();
        }
      };
}
