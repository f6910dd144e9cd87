package org.baton.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What someone learned and shares (from interviewing a customer, a visit, a course): Markdown,
 * tags, and the teams it matters to. Every member may read it.
 *
 * @param roundId the report-out round it answers, or null
 */
@Schema(name = "ReportOut")
public record ReportOut(
    long id,
    long authorId,
    String authorName,
    String title,
    String body,
    List<String> tags,
    List<Long> teamIds,
    @Schema(nullable = true) Long roundId,
    Instant publishedAt,
    int helpedCount,
    List<Comment> comments) {

  /** A comment on a review or a report-out. */
  @Schema(name = "LearningComment")
  public record Comment(long id, long authorId, String authorName, String body, Instant at) {}

  public String ref() {
    return LearningKind.REPORT_OUT.ref(id);
  }
}
