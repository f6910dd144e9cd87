package org.baton.initiatives;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One line of an initiative's timeline: started, a comment, an offer of help, a hand-over. */
public record TimelineEntry(
    long id,
    long authorId,
    String authorName,
    String kind,
    String body,
    @Schema(nullable = true) Long newLeaderId,
    @Schema(nullable = true) String newLeaderName,
    Instant at) {}
