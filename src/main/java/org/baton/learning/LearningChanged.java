package org.baton.learning;

import java.util.List;

/**
 * Something happened in learning: facts only, listeners word them. {@code told} are the people who
 * should hear of it personally (the owners of a published review's actions, the author of what was
 * commented on, the members of a team asked for a round); readers of the feed see it live either
 * way, as far as they may see it.
 *
 * @param learning the kind of learning it is about; null for a round started
 * @param learningId the review or report-out; null for a round started
 * @param roundId the report-out round started, or the round a report-out was posted to; else null
 */
public record LearningChanged(
    Kind kind,
    LearningKind learning,
    Long learningId,
    Long roundId,
    long actorPersonId,
    List<Long> told) {

  public enum Kind {
    /** A review was published; its action owners are told. */
    REVIEW_PUBLISHED,
    /** A report-out was posted; the leader who started its round is told. */
    REPORT_OUT_POSTED,
    COMMENTED,
    /** A team leader started a report-out round; the team's members are told. */
    ROUND_STARTED
  }

  public LearningChanged {
    if (kind == Kind.ROUND_STARTED && roundId == null) {
      // written before 2026-12, when a round's id travelled as the learning's: read it as it meant
      roundId = learningId;
      learning = null;
      learningId = null;
    }
    told = told.stream().filter(p -> p != actorPersonId).distinct().toList();
  }
}
