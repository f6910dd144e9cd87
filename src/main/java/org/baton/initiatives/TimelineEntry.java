package org.baton.initiatives;

import java.time.Instant;

/** One line of an initiative's timeline: started, a comment, an offer of help, a hand-over. */
public record TimelineEntry(
    long id,
    long authorId,
    String authorName,
    String kind,
    String body,
    Long newLeaderId,
    String newLeaderName,
    Instant at) {}
