package org.baton.insights;

import org.baton.directory.Organisation;
import org.baton.identity.BatonUser;

/**
 * Which links the main menu offers a person, by what they do: the rules, delegations and API tokens
 * are a leader's and an admin's tools, so an operator's menu on a phone is the work she does
 * (initiatives, advice, decisions, learning, ...). The pages themselves stay where they are and
 * answer by their own permissions; this only keeps the menu short.
 *
 * @param leads whether the person leads a team or administers Baton
 */
public record Menu(boolean leads) {

  /** Static: the organisation is the cached one, so no page pays a query for its menu. */
  static Menu of(BatonUser me, Organisation organisation) {
    if (me == null) {
      return new Menu(false);
    }
    boolean leadsATeam = me.personId() != null && !organisation.teamsLedBy(me.personId()).isEmpty();
    return new Menu(me.isAdmin() || leadsATeam);
  }
}
