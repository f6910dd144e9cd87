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

  private final LearningReviews reviews;
  private final LearningLibrary library;

  LearningApi(LearningReviews reviews, LearningLibrary library) {
    this.reviews = reviews;
    this.library = library;
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
  @Operation(summary = "Search the library: ranked, with the matching words highlighted")
  List<LearningLibrary.Result> search(
      @AuthenticationPrincipal BatonUser me, @RequestParam(defaultValue = "") String q) {
    return library.search(me, q);
  }

  private static ReviewDraft empty() {
    return new ReviewDraft(null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
