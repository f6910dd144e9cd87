package org.baton.polls;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A poll's count, always recounted from the votes kept (so a changed vote or an amendment can never
 * leave a stale sum behind): votes per option, scores, Borda points and the instant run-off for a
 * ranking, and for consent the stances of the current version with silence counted as consent once
 * the poll is closed.
 *
 * @param voters how many of the audience have voted (any version)
 * @param quorumMet whether enough of the audience answered for the result to count
 * @param silent for consent: the audience who have not answered the current version
 * @param leading the option ahead (a ranking's by instant run-off), or null (a tie, no votes)
 */
@Schema(name = "PollTally")
public record Tally(
    int audience,
    int voters,
    boolean quorumMet,
    List<OptionCount> options,
    Map<Stance, Integer> stances,
    int silent,
    int earlierVersion,
    boolean silenceCounted,
    List<Long> runOff,
    @Schema(nullable = true) Long leading) {

  /**
   * One option's count: votes (choice, meeting: how many chose it; ranking: first preferences), the
   * sum and average of its scores, its Borda points (a ranking of n options gives n - 1 to the
   * first, 0 to what is left unranked).
   */
  @Schema(name = "PollOptionCount")
  public record OptionCount(
      long id, String text, long votes, long scoreTotal, double average, long borda) {}

  static Tally of(Poll poll, List<Vote> votes, Instant now) {
    int voters = votes.size();
    boolean quorumMet = voters * 100L >= (long) poll.quorumPercent() * poll.audienceSize();
    Map<Long, long[]> counts = new LinkedHashMap<>(); // votes, score total, scorers, borda
    poll.options().forEach(o -> counts.put(o.id(), new long[4]));
    int n = poll.options().size();
    Map<Stance, Integer> stances = new LinkedHashMap<>();
    for (Stance stance : Stance.values()) {
      stances.put(stance, 0);
    }
    int earlier = 0;
    for (Vote vote : votes) {
      switch (poll.kind()) {
        case CONSENT -> {
          if (vote.version() == poll.version()) {
            stances.merge(vote.stance(), 1, Integer::sum);
          } else {
            earlier++;
          }
        }
        case CHOICE, MEETING ->
            new LinkedHashSet<>(vote.optionIds()).forEach(id -> bump(counts, id, 0, 1));
        case SCORE -> {
          for (int i = 0; i < vote.optionIds().size(); i++) {
            bump(counts, vote.optionIds().get(i), 1, vote.scores().get(i));
            bump(counts, vote.optionIds().get(i), 2, 1);
          }
        }
        case RANKED -> {
          List<Long> ranking = List.copyOf(new LinkedHashSet<>(vote.optionIds()));
          for (int i = 0; i < ranking.size(); i++) {
            bump(counts, ranking.get(i), 3, n - 1 - i);
          }
          if (!vote.optionIds().isEmpty()) {
            bump(counts, vote.optionIds().get(0), 0, 1);
          }
        }
      }
    }
    int answeredCurrent = stances.values().stream().mapToInt(Integer::intValue).sum();
    int silent =
        poll.kind() == PollKind.CONSENT ? Math.max(0, poll.audienceSize() - answeredCurrent) : 0;
    boolean silenceCounted = poll.kind() == PollKind.CONSENT && poll.closed(now);
    List<OptionCount> options = new ArrayList<>();
    for (Poll.Option option : poll.options()) {
      long[] c = counts.get(option.id());
      options.add(
          new OptionCount(
              option.id(), option.text(), c[0], c[1], c[2] == 0 ? 0 : (double) c[1] / c[2], c[3]));
    }
    List<Long> runOff = poll.kind() == PollKind.RANKED ? runOff(poll, votes) : List.of();
    return new Tally(
        poll.audienceSize(),
        voters,
        quorumMet,
        options,
        stances,
        silent,
        earlier,
        silenceCounted,
        runOff,
        leading(poll, options, runOff));
  }

  private static void bump(Map<Long, long[]> counts, long id, int index, long by) {
    long[] c = counts.get(id);
    if (c != null) {
      c[index] += by;
    }
  }

  /** The option ahead, or null on a tie or with nothing counted. */
  private static Long leading(Poll poll, List<OptionCount> options, List<Long> runOff) {
    if (poll.kind() == PollKind.CONSENT) {
      return null;
    }
    if (poll.kind() == PollKind.RANKED) {
      return runOff.isEmpty() ? null : runOff.get(runOff.size() - 1);
    }
    Comparator<OptionCount> by =
        poll.kind() == PollKind.SCORE
            ? Comparator.comparingLong(OptionCount::scoreTotal)
            : Comparator.comparingLong(OptionCount::votes);
    List<OptionCount> sorted = options.stream().sorted(by.reversed()).toList();
    if (sorted.isEmpty() || by.compare(sorted.get(0), new OptionCount(0, "", 0, 0, 0, 0)) == 0) {
      return null;
    }
    return sorted.size() > 1 && by.compare(sorted.get(0), sorted.get(1)) == 0
        ? null
        : sorted.get(0).id();
  }

  /**
   * Instant run-off: each round counts every ballot for its highest option still in; an option with
   * more than half of the ballots still counting wins, else the one with fewest is out (on a tie,
   * the one with fewer Borda points, then the later one). The options in the order they went out,
   * the winner last; empty when nobody ranked.
   */
  static List<Long> runOff(Poll poll, List<Vote> votes) {
    Set<Long> in = new LinkedHashSet<>(poll.options().stream().map(Poll.Option::id).toList());
    Map<Long, Long> borda = new HashMap<>();
    int n = poll.options().size();
    for (Vote vote : votes) {
      for (int i = 0; i < vote.optionIds().size(); i++) {
        borda.merge(vote.optionIds().get(i), (long) (n - 1 - i), Long::sum);
      }
    }
    List<Long> order = new ArrayList<>();
    while (!in.isEmpty()) {
      Map<Long, Long> first = new LinkedHashMap<>();
      in.forEach(id -> first.put(id, 0L));
      long counting = 0;
      for (Vote vote : votes) {
        for (Long id : vote.optionIds()) {
          if (in.contains(id)) {
            first.merge(id, 1L, Long::sum);
            counting++;
            break;
          }
        }
      }
      if (counting == 0) {
        return List.of();
      }
      for (Map.Entry<Long, Long> e : first.entrySet()) {
        if (e.getValue() * 2 > counting || in.size() == 1) {
          order.add(e.getKey());
          return order;
        }
      }
      List<Long> ids = new ArrayList<>(in);
      Long out =
          ids.stream()
              .min(
                  Comparator.<Long>comparingLong(first::get)
                      .thenComparingLong(id -> borda.getOrDefault(id, 0L))
                      .thenComparing(Comparator.<Long>comparingInt(ids::indexOf).reversed()))
              .orElseThrow();
      in.remove(out);
      order.add(out);
    }
    return order;
  }
}
