package org.baton.advice;

import java.util.List;

/** Published after a request is asked, advised on, revised or closed: who should see it live. */
public record AdviceChanged(
    long requestId, String what, List<Long> audience, List<Long> newlyAsked) {}
