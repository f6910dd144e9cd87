package org.baton.learning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.authority.AnswerAside;
import org.baton.authority.CheckResult;
import org.baton.identity.BatonUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Up to three past learnings like what is being decided, with the reader's marks: beside a check's
 * answer, and as the fragment the initiative and advice pages load ({@code /learning/similar}).
 */
@Component
@Order(1)
class SimilarBesideTheCheck implements AnswerAside {

  private final SimilarLearnings similar;
  private final LearningResponses responses;

  SimilarBesideTheCheck(SimilarLearnings similar, LearningResponses responses) {
    this.similar = similar;
    this.responses = responses;
  }

  @Override
  public String template() {
    return "learning/similar";
  }

  @Override
  public String fragment() {
    return "similar";
  }

  @Override
  public void addTo(BatonUser reader, CheckResult result, Map<String, Object> model) {
    addTo(
        reader,
        result.decisionType().name(),
        result.decisionType().code(),
        result.requiredPerspectives().stream().map(CheckResult.PerspectiveAdvisers::code).toList(),
        model);
  }

  /** The learnings like these words, type and perspectives, and the reader's marks on them. */
  void addTo(
      BatonUser reader,
      String words,
      String type,
      List<String> perspectives,
      Map<String, Object> model) {
    List<SimilarLearnings.Similar> found = similar.find(reader, words, type, perspectives);
    model.put("similar", found);
    // by name, as the marks fragment reads them ('READ', 'HELPED'), as the review's own page does
    Map<String, Set<String>> marks = new HashMap<>();
    if (reader.personId() != null) {
      responses
          .marksOf(
              reader.personId(),
              found.stream().map(s -> LearningKind.Ref.parse(s.ref()).orElseThrow()).toList())
          .forEach(
              (ref, set) ->
                  marks.put(
                      ref,
                      set.stream().map(LearningResponses.Mark::name).collect(Collectors.toSet())));
    }
    model.put("allMarks", marks);
  }
}
