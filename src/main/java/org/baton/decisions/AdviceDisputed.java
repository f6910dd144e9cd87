package org.baton.decisions;

/** Someone named as an adviser on a decision says they did not give that advice. Durable. */
public record AdviceDisputed(long decisionId, long deciderPersonId, long adviserPersonId) {}
