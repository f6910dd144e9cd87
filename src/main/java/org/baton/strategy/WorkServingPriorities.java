package org.baton.strategy;

import java.time.Instant;
import java.util.List;
import org.baton.identity.BatonUser;

/**
 * What other modules tell a priority's page about the work that serves it. Strategy does not know
 * initiatives, advice requests or decisions; they name priorities, so they implement this (as
 * learning implements the decisions' {@code ConsultedLearnings}).
 */
public interface WorkServingPriorities {

  /**
   * @param ledFromTheFrontLine whether it is led (or was decided) by someone who leads no team
   */
  record Work(String kind, String title, String link, boolean ledFromTheFrontLine, Instant at) {}

  /** The work that names this priority and the viewer may see, newest first. */
  List<Work> serving(BatonUser viewer, long priorityId);
}
