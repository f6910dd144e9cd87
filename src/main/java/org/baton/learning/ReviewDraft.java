package org.baton.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.baton.platform.TextRules;

/** What someone writes for a learning review, before it is checked. */
@Schema(name = "LearningReviewDraft")
public record ReviewDraft(
    String title,
    String whatHappened,
    String whatWeExpected,
    String whatWeLearned,
    String whatWeWillChange,
    List<String> factors,
    List<Long> decisionIds,
    List<Long> initiativeIds,
    List<Long> adviceRequestIds,
    List<String> decisionTypes,
    List<String> perspectives,
    List<ActionDraft> actions) {

  /**
   * @param owner the owner's id or e-mail address
   */
  @Schema(name = "LearningActionDraft")
  public record ActionDraft(String owner, String description, LocalDate due) {}

  public ReviewDraft {
    title = TextRules.orEmpty(title);
    whatHappened = TextRules.orEmpty(whatHappened);
    whatWeExpected = TextRules.orEmpty(whatWeExpected);
    whatWeLearned = TextRules.orEmpty(whatWeLearned);
    whatWeWillChange = TextRules.orEmpty(whatWeWillChange);
    factors = copy(factors);
    decisionIds = copy(decisionIds);
    initiativeIds = copy(initiativeIds);
    adviceRequestIds = copy(adviceRequestIds);
    decisionTypes = copy(decisionTypes);
    perspectives = copy(perspectives);
    actions = copy(actions);
  }

  private static <T> List<T> copy(List<T> values) {
    return values == null
        ? List.of()
        : values.stream().filter(java.util.Objects::nonNull).distinct().toList();
  }
}
