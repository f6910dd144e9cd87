package org.baton.polls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baton.platform.FieldProblem;
import org.junit.jupiter.api.Test;

/** What a poll and a vote must be: every problem at once, each by its field. */
class PollRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

  private static PollDraft draft(PollKind kind, String title, List<String> options, Duration open) {
    return new PollDraft(
        kind,
        title,
        "",
        options,
        List.of(),
        List.of(),
        open == null ? null : NOW.plus(open),
        false,
        false,
        false,
        false,
        0,
        null);
  }

  @Test
  void everyProblemOfAPollAtOnce() {
    List<FieldProblem> problems =
        PollRules.poll(
            draft(PollKind.CHOICE, " ", List.of("Only one"), Duration.ofDays(15)), 0, NOW);
    assertThat(problems)
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("title", "options", "audience", "closesAt");
  }

  @Test
  void aConsentProposalNeedsItsTextAndAMeetingItsTimes() {
    assertThat(
            PollRules.poll(
                draft(PollKind.CONSENT, "Four-day week", List.of(), Duration.ofHours(24)), 5, NOW))
        .extracting(FieldProblem::field)
        .containsExactly("details");
    assertThat(
            PollRules.poll(
                draft(PollKind.MEETING, "When", List.of("tomorrow at ten"), Duration.ofHours(24)),
                5,
                NOW))
        .extracting(FieldProblem::message)
        .anyMatch(m -> m.contains("2026-12-09 10:00"));
    assertThat(
            PollRules.poll(
                draft(
                    PollKind.MEETING, "When", List.of("2026-12-09 10:00"), Duration.ofMinutes(15)),
                5,
                NOW))
        .isEmpty();
  }

  @Test
  void aVoteMustFitItsPoll() {
    Poll choice =
        new Poll(
            1,
            PollKind.CHOICE,
            "t",
            "",
            1,
            null,
            List.of(new Poll.Option(1, "A"), new Poll.Option(2, "B")),
            false,
            false,
            true,
            false,
            0,
            3,
            1,
            NOW,
            NOW.plusSeconds(60),
            null,
            null);
    assertThat(PollRules.vote(choice, new VoteDraft(List.of(1L, 2L), null, null, null, "")))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("options", "reason");
    Poll score =
        new Poll(
            1,
            PollKind.SCORE,
            "t",
            "",
            1,
            null,
            List.of(new Poll.Option(1, "A"), new Poll.Option(2, "B")),
            false,
            false,
            false,
            false,
            0,
            3,
            1,
            NOW,
            NOW.plusSeconds(60),
            null,
            null);
    assertThat(PollRules.vote(score, new VoteDraft(null, Map.of(1L, 11), null, null, "")))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("score-1", "score-2");
  }
}
