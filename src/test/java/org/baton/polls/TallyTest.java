package org.baton.polls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The count, recounted from the votes: choices, scores, Borda points and the instant run-off. */
class TallyTest {

  private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

  private static Poll poll(PollKind kind, int audience, int quorum, String... options) {
    List<Poll.Option> list = new java.util.ArrayList<>();
    for (int i = 0; i < options.length; i++) {
      list.add(new Poll.Option(i + 1, options[i]));
    }
    return new Poll(
        7,
        kind,
        "t",
        "",
        1,
        null,
        list,
        false,
        false,
        false,
        false,
        quorum,
        audience,
        1,
        NOW.minusSeconds(3600),
        NOW.plusSeconds(3600),
        null,
        null);
  }

  private static Vote ranked(Long... ids) {
    return new Vote(
        "k" + java.util.Arrays.toString(ids) + Math.random(),
        null,
        1,
        null,
        List.of(ids),
        List.of(),
        "",
        NOW,
        null,
        null);
  }

  @Test
  void instantRunOffMovesTheVotesOfTheOptionOutAndCanDisagreeWithFirstPreferences() {
    Poll poll = poll(PollKind.RANKED, 9, 0, "A", "B", "C");
    // A leads on first preferences (4), but C's voters prefer B: B wins the run-off 5 to 4
    List<Vote> votes =
        List.of(
            ranked(1L, 2L, 3L),
            ranked(1L, 3L, 2L),
            ranked(1L, 2L),
            ranked(1L),
            ranked(2L, 3L, 1L),
            ranked(2L, 1L, 3L),
            ranked(2L),
            ranked(3L, 2L, 1L),
            ranked(3L, 2L));
    Tally tally = Tally.of(poll, votes, NOW);
    assertThat(tally.options()).extracting(Tally.OptionCount::votes).containsExactly(4L, 3L, 2L);
    assertThat(tally.runOff()).containsExactly(3L, 2L);
    assertThat(tally.leading()).isEqualTo(2L);
    // Borda: n - 1 = 2 points for a first place, 1 for a second, none for what is left unranked
    assertThat(tally.options()).extracting(Tally.OptionCount::borda).containsExactly(9L, 10L, 6L);
  }

  @Test
  void aTieLeadsNowhereAndQuorumCountsVotersAgainstTheAudience() {
    Poll poll = poll(PollKind.CHOICE, 10, 30, "A", "B");
    Vote a = new Vote("1", 1L, 1, null, List.of(1L), List.of(), "", NOW, null, null);
    Vote b = new Vote("2", 2L, 1, null, List.of(2L), List.of(), "", NOW, null, null);
    Tally tally = Tally.of(poll, List.of(a, b), NOW);
    assertThat(tally.leading()).isNull();
    assertThat(tally.quorumMet()).isFalse();
    Vote c = new Vote("3", 3L, 1, null, List.of(2L), List.of(), "", NOW, null, null);
    tally = Tally.of(poll, List.of(a, b, c), NOW);
    assertThat(tally.quorumMet()).isTrue();
    assertThat(tally.leading()).isEqualTo(2L);
  }

  @Test
  void scoresAddUpAndAverageOverThoseWhoScored() {
    Poll poll = poll(PollKind.SCORE, 5, 0, "A", "B");
    Vote one = new Vote("1", 1L, 1, null, List.of(1L, 2L), List.of(8, 3), "", NOW, null, null);
    Vote two = new Vote("2", 2L, 1, null, List.of(1L, 2L), List.of(6, 9), "", NOW, null, null);
    Tally tally = Tally.of(poll, List.of(one, two), NOW);
    assertThat(tally.options()).extracting(Tally.OptionCount::scoreTotal).containsExactly(14L, 12L);
    assertThat(tally.options().get(0).average()).isEqualTo(7.0);
    assertThat(tally.leading()).isEqualTo(1L);
  }

  @Test
  void silenceCountsAsConsentOnlyOnceClosedAndOldVersionsStandApart() {
    Poll open = poll(PollKind.CONSENT, 4, 0);
    Vote objection =
        new Vote("1", 1L, 1, Stance.OBJECT, List.of(), List.of(), "harm", NOW, null, null);
    Tally tally = Tally.of(open, List.of(objection), NOW);
    assertThat(tally.stances()).containsEntry(Stance.OBJECT, 1);
    assertThat(tally.silent()).isEqualTo(3);
    assertThat(tally.silenceCounted()).isFalse();
    Tally closed = Tally.of(open, List.of(objection), NOW.plusSeconds(7200));
    assertThat(closed.silenceCounted()).isTrue();
    Poll amended =
        new Poll(
            7,
            PollKind.CONSENT,
            "t",
            "",
            1,
            null,
            List.of(),
            false,
            false,
            false,
            false,
            0,
            4,
            2,
            NOW.minusSeconds(3600),
            NOW.plusSeconds(3600),
            null,
            null);
    Tally after = Tally.of(amended, List.of(objection), NOW);
    assertThat(after.stances()).containsEntry(Stance.OBJECT, 0);
    assertThat(after.earlierVersion()).isEqualTo(1);
    assertThat(objection.openObjection(2)).isFalse();
  }
}
