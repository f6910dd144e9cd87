package org.baton.identity;

import java.util.Set;

/**
 * Signed-in accounts for unit tests of permissions, which decide from facts and need no database.
 */
public final class TestUsers {

  private TestUsers() {}

  /** The account of the person with this id. */
  public static BatonUser person(long personId) {
    return new BatonUser(
        1000 + personId,
        personId,
        "person" + personId + "@example.com",
        "Person " + personId,
        false,
        true,
        null,
        Set.of());
  }

  /** The operator account: an admin who is no person. */
  public static BatonUser admin() {
    return new BatonUser(1, null, "admin", "Administrator", true, true, null, Set.of());
  }
}
