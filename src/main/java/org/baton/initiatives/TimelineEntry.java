package org.baton.initiatives;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One line of an initiative's timeline: started, a comment, an offer of help, a hand-over, advice
 * asked for it, a decision taken on that advice.
 *
 * @param link the page of the advice request or decision the line names, else null
 */
public record TimelineEntry(
    long id,
    long authorId,
    String authorName,
    String kind,
    String body,
    @Schema(nullable = true) Long newLeaderId,
    @Schema(nullable = true) String newLeaderName,
    @Schema(nullable = true) String link,
    Instant at) {}
