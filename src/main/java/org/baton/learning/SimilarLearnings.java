package org.baton.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.baton.authority.DecisionTypeCode;
import org.baton.identity.BatonUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right lesson at the moment of decision: up to three published learnings like what someone is
 * about to decide, start or ask, each with why it matched. A review of the same decision type
 * weighs most, then one of a type above it, then shared words (stemmed, any of them), then shared
 * perspectives; how often it helped breaks ties. Only what the person may see.
 */
@Service
public class SimilarLearnings {

  /** One learning and why it was chosen. */
  @Schema(name = "SimilarLearning")
  public record Similar(
      String kind, long id, String title, String summary, int helpedCount, List<String> why) {

    public String ref() {
      return kind + "-" + id;
    }

    public String path() {
      return "review".equals(kind) ? "/learning/reviews/" + id : "/report-outs/" + id;
    }
  }

  static final int MAX = 3;
  private static final int CANDIDATES = 12;

  private static final int MAX_TEXT = 2_000;

  private final SimilarStore store;
  private final LearningReviews reviews;

  private final org.baton.authority.Words names;

  SimilarLearnings(SimilarStore store, LearningReviews reviews, org.baton.authority.Words names) {
    this.store = store;
    this.reviews = reviews;
    this.names = names;
  }

  @Transactional(readOnly = true)
  public List<Similar> find(
      BatonUser actor, String text, String decisionType, List<String> perspectives) {
    String words = text == null ? "" : text.strip();
    if (words.length() > MAX_TEXT) {
      words = words.substring(0, MAX_TEXT);
    }
    String type = decisionType == null ? "" : decisionType.strip();
    List<String> parents =
        DecisionTypeCode.isValid(type)
            ? new DecisionTypeCode(type).selfAndAncestors().stream().skip(1).toList()
            : List.of();
    if (!DecisionTypeCode.isValid(type)) {
      type = "";
    }
    List<String> shared = perspectives == null ? List.of() : perspectives;
    if (words.isEmpty() && type.isEmpty()) {
      return List.of();
    }
    // The words become "any of these stems": a few shared words are enough to be worth a look.
    // The query below is planned for those words each time (not once for any words), so that the
    // planner walks the most helpful first for common words and reads the few matches of rare ones.
    SimilarStore.Words any = store.anyOf(words);
    String[] typeArray = type.isEmpty() ? new String[0] : new String[] {type};
    String[] typeAndParents =
        java.util.stream.Stream.concat(java.util.Arrays.stream(typeArray), parents.stream())
            .toArray(String[]::new);
    String finalType = type;
    java.util.Map<String, String> typed = store.typedWords(words);
    List<SimilarStore.Row> rows =
        store.candidates(any, typeArray, parents, typeAndParents, shared, CANDIDATES);
    Set<Long> visibleReviews =
        reviews.visibleAmong(
            actor,
            rows.stream()
                .filter(r -> r.kind().equals("review"))
                .map(SimilarStore.Row::id)
                .toList());
    List<Similar> similar = new ArrayList<>();
    for (SimilarStore.Row row : rows) {
      if (similar.size() == MAX) {
        break;
      }
      if (row.kind().equals("review") && !visibleReviews.contains(row.id())) {
        continue;
      }
      similar.add(
          new Similar(
              row.kind(),
              row.id(),
              row.title(),
              row.summary(),
              row.helped(),
              why(row, finalType, parents, typed)));
    }
    return similar;
  }

  private List<String> why(
      SimilarStore.Row row,
      String type,
      List<String> parents,
      java.util.Map<String, String> typed) {
    List<String> why = new ArrayList<>();
    if (row.sameType()) {
      why.add("Same kind of decision (" + names.type(type) + ")");
    } else if (row.parentType()) {
      why.add(
          "A related kind of decision ("
              + String.join(", ", parents.stream().map(names::type).toList())
              + ")");
    }
    if (!row.words().isEmpty()) {
      why.add(
          "Shares the words "
              + String.join(
                  ", ",
                  row.words().stream()
                      .map(stem -> typed.getOrDefault(stem, stem))
                      .distinct()
                      .sorted()
                      .toList()));
    }
    if (!row.perspectives().isEmpty()) {
      why.add(
          "Same perspective: "
              + String.join(", ", row.perspectives().stream().map(names::perspective).toList()));
    }
    return why;
  }
}
