package org.baton.advice;

import java.time.Instant;

/** One revision of one adviser's advice. */
public record AdviceGiven(
    long id,
    long adviserId,
    Stance stance,
    String reasons,
    String conditions,
    boolean volunteered,
    int revision,
    Instant at) {}
