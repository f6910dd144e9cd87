package org.baton.notifications;

import java.util.function.Function;
import org.baton.growth.GrowthChanged;
import org.baton.learning.LearningChanged;
import org.baton.learning.LearningKind;
import org.baton.roles.RolesChanged;
import org.baton.strategy.StrategyChanged;

/**
 * What the notifications about learning, dialogues, growth and roles say, and where they lead:
 * words only, so that the notification centre decides who hears and how.
 */
final class ActivityNoticeWords {

  private ActivityNoticeWords() {}

  /** Where a learning notification leads: the review, the report-out, or the round. */
  static String link(LearningChanged event) {
    if (event.kind() == LearningChanged.Kind.ROUND_STARTED) {
      return "/learning/rounds/" + event.roundId();
    }
    return event.learning() == LearningKind.REVIEW
        ? "/learning/reviews/" + event.learningId()
        : "/report-outs/" + event.learningId();
  }

  /**
   * @param title the learning's title, or the round's for a round started
   */
  static String text(LearningChanged event, String actor, String title) {
    return switch (event.kind()) {
      case REVIEW_PUBLISHED ->
          actor + " published a learning review with an action for you: " + title;
      case REPORT_OUT_POSTED -> actor + " posted a report-out for your round: " + title;
      case COMMENTED ->
          actor
              + " commented on your "
              + (event.learning() == LearningKind.REVIEW ? "review" : "report-out")
              + ": "
              + title;
      case ROUND_STARTED -> actor + " asks for report-outs: " + title;
    };
  }

  static String link(StrategyChanged event) {
    return event.contributionId() == null
        ? "/dialogues/" + event.roundId()
        : "/dialogues/" + event.roundId() + "/contributions/" + event.contributionId();
  }

  /** Empty for what nobody is told of personally (supports, themes): only pages refresh. */
  static String text(StrategyChanged event, String actor, String title) {
    return switch (event.kind()) {
      case ROUND_OPENED -> actor + " opened a strategic dialogue: " + title + ". Contribute.";
      case ROUND_PUBLISHED ->
          "The strategic dialogue " + title + " is published: see what we adopted.";
      case ANSWERED -> actor + " answered your contribution to " + title;
      case COMMENTED -> actor + " commented on your contribution to " + title;
      default -> "";
    };
  }

  static String text(GrowthChanged event, Function<Long, String> name) {
    String person = name.apply(event.personId());
    String owner = name.apply(event.ownerPersonId());
    return switch (event.kind()) {
      case SUGGESTED ->
          person + "'s record has earned a suggestion to raise their limit: answer it";
      case APPROVED -> owner + " raised your limit, on your record";
      case DECLINED -> owner + " declined raising your limit, with a reason";
      case DEFERRED -> owner + " will come back to raising your limit later";
    };
  }

  static String link(GrowthChanged event) {
    return event.kind() == GrowthChanged.Kind.SUGGESTED
        ? "/authority/growth-suggestions/" + event.suggestionId()
        : "/people/" + event.personId() + "/track-record";
  }

  static String link(RolesChanged event) {
    return event.applicationId() == null || event.kind() == RolesChanged.Kind.APPROVAL_ASKED
        ? "/roles/" + event.roleId()
        : "/roles/" + event.roleId() + "/applications/" + event.applicationId();
  }

  static String text(RolesChanged event, String actor, String role) {
    return switch (event.kind()) {
      case APPLIED -> actor + " applied for " + role + ": read the application and answer";
      case TIME_ANSWERED -> actor + " answered about the time for " + role;
      case MESSAGE -> actor + " wrote about the application for " + role;
      case MATCH_PROPOSED -> actor + " proposed a match for " + role + ": agree or reply";
      case MATCHED -> actor + " agreed the match: " + role + " is taken on";
      case DECLINED -> actor + " declined the application for " + role + ", with a reason";
      case WITHDRAWN -> actor + " withdrew their application for " + role;
      case HANDED -> actor + " handed on " + role;
      case APPROVAL_ASKED ->
          "Someone is to hold " + role + ": approve it, as its authority comes from your rule";
      case LEFT -> "A holding of " + role + " ended";
      case OPENED -> "An open role that matches your interests: " + role;
    };
  }
}
