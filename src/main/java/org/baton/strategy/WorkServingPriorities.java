package org.baton.strategy;

import java.time.Instant;
import java.util.List;

/**
 * What other modules tell a priority's page about the work that serves it. Strategy does not know
 * initiatives or decisions; they name priorities, so they implement this (as learning implements
 * the decisions' {@code ConsultedLearnings}).
 */
public interface WorkServingPriorities {

  /**
   * @param ledFromTheFrontLine whether it is led (or was decided) by someone who leads no team
   */
  record Work(String kind, String title, String link, boolean ledFromTheFrontLine, Instant at) {}

  /** The work that names this priority, newest first. */
  List<Work> serving(long priorityId);
}
