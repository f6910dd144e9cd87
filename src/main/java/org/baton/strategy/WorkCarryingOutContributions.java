package org.baton.strategy;

import java.util.List;

/**
 * What other modules tell a contribution's page about the work that carries it out once adopted.
 * Strategy does not know initiatives; an initiative names the contribution it carries out, so
 * initiatives implements this (as it implements {@link WorkServingPriorities}).
 */
public interface WorkCarryingOutContributions {

  /** One piece of work and how far it has come ("In progress"). */
  record Carrying(String kind, String title, String link, String status) {}

  /** The work that names this contribution, oldest first. */
  List<Carrying> carryingOut(long contributionId);
}
