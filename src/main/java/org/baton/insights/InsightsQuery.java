package org.baton.insights;

import java.time.LocalDate;

/**
 * What an insight is asked for, all of it optional: a period (the last six months by default), a
 * team with the teams below it, a kind of decision with the kinds below it.
 */
public record InsightsQuery(LocalDate from, LocalDate to, Long team, String decisionType) {}
