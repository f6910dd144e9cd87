package org.baton.polls;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A poll as one reader sees it: the count only when they may see results, votes with names only
 * when the poll is not anonymous, their own vote, the objections with their answers, and the
 * earlier versions of a consent proposal.
 *
 * @param tally null while the results are hidden from this reader
 * @param myVote the reader's own vote, or null
 * @param votes who voted what, for a poll that is not anonymous and whose results the reader sees
 */
@Schema(name = "PollView")
public record PollView(
    Poll poll,
    String authorName,
    PollPermissions.Answers may,
    @Schema(nullable = true) Tally tally,
    @Schema(nullable = true) Vote myVote,
    List<Shown> votes,
    List<Objection> objections,
    List<PollStore.Version> versions) {

  /** A vote as shown beside the count: whose (never in an anonymous poll) and what. */
  @Schema(name = "PollShownVote")
  public record Shown(String name, Vote vote, List<String> chosen, boolean earlierVersion) {}

  /**
   * An objection: by whom (null in an anonymous poll), to which version, why, and the proposer's
   * answer. {@code key} is what the proposer's answer form names it by.
   */
  @Schema(name = "PollObjection")
  public record Objection(
      String key,
      @Schema(nullable = true) String name,
      int version,
      String reason,
      @Schema(nullable = true) String answer,
      boolean current) {

    public boolean open() {
      return current && answer == null;
    }
  }

  private static final java.time.format.DateTimeFormatter MEETING =
      java.time.format.DateTimeFormatter.ofPattern(
          "EEE d MMM, HH:mm 'UTC'", java.util.Locale.ENGLISH);

  /** An option as people read it: a meeting's time as a day and an hour, any other as typed. */
  public String optionInWords(String text) {
    if (poll.kind() == PollKind.MEETING) {
      java.time.LocalDateTime at = PollRules.time(text);
      return at == null ? text : MEETING.format(at);
    }
    return text;
  }

  /** The reader's own vote in words: the stance, or the options (best first for a ranking). */
  public String myVoteInWords() {
    if (myVote == null) {
      return "";
    }
    if (myVote.stance() != null) {
      return myVote.stance().label();
    }
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < myVote.optionIds().size(); i++) {
      long id = myVote.optionIds().get(i);
      String text =
          poll.options().stream()
              .filter(o -> o.id() == id)
              .map(o -> optionInWords(o.text()))
              .findFirst()
              .orElse("?");
      chosen.add(
          poll.kind() == PollKind.SCORE && i < myVote.scores().size()
              ? text + " " + myVote.scores().get(i)
              : text);
    }
    return String.join(poll.kind() == PollKind.RANKED ? " > " : ", ", chosen);
  }

  /** The text of the option ahead, or null. */
  public String leadingText() {
    if (tally == null || tally.leading() == null) {
      return null;
    }
    return poll.options().stream()
        .filter(o -> o.id() == tally.leading())
        .map(o -> optionInWords(o.text()))
        .findFirst()
        .orElse(null);
  }

  /** Whether an objection to the current version still waits for the proposer's answer. */
  public boolean openObjections() {
    return objections.stream().anyMatch(Objection::open);
  }

  static List<Shown> shown(
      Poll poll, List<Vote> votes, Map<Long, String> names, PollPermissions.Answers may) {
    if (!may.seeVoters()) {
      return List.of();
    }
    List<Shown> shown = new ArrayList<>();
    for (Vote vote : votes) {
      List<String> chosen =
          vote.optionIds().stream()
              .map(
                  id ->
                      poll.options().stream()
                          .filter(o -> o.id() == id)
                          .map(Poll.Option::text)
                          .findFirst()
                          .orElse("?"))
              .toList();
      shown.add(
          new Shown(
              names.getOrDefault(vote.personId(), "someone"),
              vote,
              chosen,
              poll.kind() == PollKind.CONSENT && vote.version() != poll.version()));
    }
    return shown;
  }

  /**
   * The objections: always for the proposer (who must answer them) and for whoever sees the
   * results, the objector's name only when the poll is not anonymous.
   */
  static List<Objection> objections(
      Poll poll, List<Vote> votes, Map<Long, String> names, PollPermissions.Answers may) {
    if (poll.kind() != PollKind.CONSENT || !(may.seeResults() || may.answer())) {
      return List.of();
    }
    return votes.stream()
        .filter(v -> v.stance() == Stance.OBJECT)
        .map(
            v ->
                new Objection(
                    may.answer() ? v.voterKey() : null,
                    poll.anonymous() ? null : names.getOrDefault(v.personId(), "someone"),
                    v.version(),
                    v.reason(),
                    v.answer(),
                    v.version() == poll.version()))
        .toList();
  }
}
