package org.baton.learning;

import java.time.LocalDate;

/**
 * An open action of a published learning review falls due soon: facts only, its owner is told.
 *
 * @param dueOn the day it is due
 */
public record LearningActionDue(
    long reviewId, long actionId, long ownerPersonId, LocalDate dueOn) {}
