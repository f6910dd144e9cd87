package org.baton.learning;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.baton.identity.BatonUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class LearningApi {

  /** A note when marking an action done. */
  record Done(String note) {}

  /** A comment's text. */
  record CommentBody(String body) {}

  /** How often a learning has helped, after the caller's mark. */
  record Helped(String learning, int helpedCount) {}

  private final LearningReviews reviews;
  private final LearningLibrary library;
  private final SimilarLearnings similar;
  private final ReportOuts reportOuts;
  private final LearningResponses responses;

  LearningApi(
      LearningReviews reviews,
      LearningLibrary library,
      SimilarLearnings similar,
      ReportOuts reportOuts,
      LearningResponses responses) {
    this.reviews = reviews;
    this.library = library;
    this.similar = similar;
    this.reportOuts = reportOuts;
    this.responses = responses;
  }

  @PostMapping("/learning-reviews")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Write a learning review (a draft until published)")
  LearningReview create(
      @AuthenticationPrincipal BatonUser me, @RequestBody(required = false) ReviewDraft draft) {
    return reviews.create(me, draft == null ? empty() : draft);
  }

  @GetMapping("/learning-reviews")
  @Operation(summary = "My reviews and the published ones I may see, newest first")
  List<LearningReview> list(@AuthenticationPrincipal BatonUser me) {
    return reviews.list(me);
  }

  @GetMapping("/learning-reviews/{id}")
  @Operation(summary = "One learning review")
  LearningReview get(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return reviews.find(me, id);
  }

  @PostMapping("/learning-reviews/{id}/publish")
  @Operation(summary = "Publish a draft (its author)")
  LearningReview publish(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return reviews.publish(me, id);
  }

  @PostMapping("/learning-reviews/{id}/actions/{actionId}/done")
  @Operation(summary = "Mark an action done, with a note (its owner)")
  LearningReview done(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long actionId,
      @RequestBody(required = false) Done done) {
    return reviews.markActionDone(me, id, actionId, done == null ? "" : done.note());
  }

  @GetMapping("/learnings")
  @Operation(
      summary = "Search reviews and report-outs: ranked, with the matching words highlighted",
      description =
          "type (with its sub-types), perspective and factor narrow to reviews; sort is"
              + " relevance, date or helped; from and to are dates (yyyy-mm-dd). At most 20.")
  List<LearningLibrary.Result> search(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String perspective,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String factor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String sort) {
    return library.search(
        me,
        new LearningLibrary.Query(
            q,
            type,
            perspective,
            team,
            factor,
            LearningInputs.date(from, "from"),
            LearningInputs.date(to, "to"),
            LearningInputs.sort(sort)));
  }

  @GetMapping("/learnings/similar")
  @Operation(
      summary = "At most three learnings like what is about to be decided, each with why",
      description = "perspectives is a comma-separated list of perspective codes")
  List<SimilarLearnings.Similar> similar(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String decisionType,
      @RequestParam(defaultValue = "") String perspectives) {
    return similar.find(me, text, decisionType, LearningInputs.list(perspectives));
  }

  @PostMapping("/learnings/{kind}/{id}/helped")
  @Operation(summary = "Say a review or report-out helped you (kind: review or report-out)")
  Helped helped(
      @AuthenticationPrincipal BatonUser me, @PathVariable String kind, @PathVariable long id) {
    LearningKind.Ref ref = LearningInputs.ref(kind, id);
    return new Helped(ref.toString(), responses.mark(me, ref, LearningResponses.Mark.HELPED));
  }

  @PostMapping("/report-outs")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Post a report-out: what you learned, for the teams it matters to")
  ReportOut postReportOut(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) ReportOuts.Draft draft) {
    return reportOuts.post(
        me, draft == null ? new ReportOuts.Draft(null, null, null, null, null) : draft);
  }

  @GetMapping("/report-outs")
  @Operation(summary = "The newest report-outs, newest first (at most 50)")
  List<ReportOut> reportOuts(@AuthenticationPrincipal BatonUser me) {
    return reportOuts.recent(me, 50);
  }

  @GetMapping("/report-outs/{id}")
  @Operation(summary = "One report-out with its comments")
  ReportOut reportOut(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return reportOuts.find(me, id);
  }

  @PostMapping("/report-outs/{id}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Comment on a report-out")
  ReportOut.Comment comment(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) CommentBody body) {
    return responses.comment(
        me, new LearningKind.Ref(LearningKind.REPORT_OUT, id), body == null ? "" : body.body());
  }

  private static ReviewDraft empty() {
    return new ReviewDraft(null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
