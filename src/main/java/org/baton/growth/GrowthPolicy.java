package org.baton.growth;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.baton.platform.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The growth policy: when a person's record for a decision type has earned a higher limit. Tuned by
 * {@code baton.growth.*} properties (or {@code BATON_GROWTH_*}); docs/GROWTH.md explains each.
 *
 * <p>A record earns a suggestion in one of two ways, both with no more than {@code reversals}
 * reversed decisions in the window:
 *
 * <ul>
 *   <li><b>By its decisions:</b> at least {@code decisions} decisions within scope in the last
 *       {@code months} months, at least {@code nearLimitPortion} of them above {@code nearLimit} of
 *       the limit (people who never come near their limit do not need a higher one);
 *   <li><b>By its requests:</b> at least {@code requestsJustAbove} requests to holders for no more
 *       than {@code justAbove} times the limit, approved (the holders keep saying yes).
 * </ul>
 *
 * The suggestion is the next step: the limit times {@code step}, rounded to two significant
 * figures, never above what the rule's owner may decide herself.
 *
 * @param months the window of the record, in months
 * @param decisions how many decisions within scope the window needs
 * @param reversals how many of them may have been reversed (superseded ones do not count: a
 *     decision improved on is not a mistake)
 * @param nearLimit the share of the limit above which a decision counts as near it
 * @param nearLimitPortion the share of the decisions that must be near the limit
 * @param requestsJustAbove how many approved requests just above the limit earn a suggestion by
 *     themselves (0: never)
 * @param justAbove up to how many times the limit a request counts as just above it
 * @param step the next limit as a multiple of today's
 * @param afterDecline how long after a declined suggestion the same one may be made again
 */
@ConfigurationProperties("baton.growth")
public record GrowthPolicy(
    @DefaultValue("6") int months,
    @DefaultValue("40") int decisions,
    @DefaultValue("0") int reversals,
    @DefaultValue("0.6") BigDecimal nearLimit,
    @DefaultValue("0.25") BigDecimal nearLimitPortion,
    @DefaultValue("3") int requestsJustAbove,
    @DefaultValue("1.5") BigDecimal justAbove,
    @DefaultValue("2") BigDecimal step,
    @DefaultValue("P90D") Duration afterDecline) {

  public GrowthPolicy {
    require(months >= 1 && months <= 36, "months: between 1 and 36");
    require(decisions >= 1, "decisions: at least 1");
    require(reversals >= 0, "reversals: 0 or more");
    require(isShare(nearLimit), "near-limit: a share between 0 and 1, such as 0.6");
    require(isShare(nearLimitPortion), "near-limit-portion: a share between 0 and 1");
    require(requestsJustAbove >= 0, "requests-just-above: 0 or more");
    require(justAbove.compareTo(BigDecimal.ONE) > 0, "just-above: more than 1, such as 1.5");
    require(step.compareTo(BigDecimal.ONE) > 0, "step: more than 1, such as 2");
  }

  private static boolean isShare(BigDecimal share) {
    return share.signum() >= 0 && share.compareTo(BigDecimal.ONE) <= 0;
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("baton.growth." + what);
    }
  }

  /** The policy as the demo and tests use it unless they tune it. */
  static GrowthPolicy defaults() {
    return new GrowthPolicy(
        6,
        40,
        0,
        new BigDecimal("0.6"),
        new BigDecimal("0.25"),
        3,
        new BigDecimal("1.5"),
        new BigDecimal("2"),
        Duration.ofDays(90));
  }

  /**
   * A record's counts for one decision type over the window.
   *
   * @param decisions decisions made within the person's own authority
   * @param nearLimit of them, those above {@code nearLimit} of the limit they rested on
   * @param requestsJustAbove approved requests to holders for no more than {@code justAbove} times
   *     today's limit
   */
  public record Counts(
      int decisions, int nearLimit, int reversed, int superseded, int requestsJustAbove) {}

  /**
   * What the policy says of a record.
   *
   * @param record the record in words, cited by a suggestion and the raise it leads to
   * @param nextStep what the record still needs, in words; null once earned
   * @param proposed the next step's limit (before the owner's own limit caps it)
   */
  public record Assessment(boolean earned, String record, String nextStep, Money proposed) {}

  /** Whether a decision for {@code amount} resting on {@code limit} was near the limit. */
  boolean isNearLimit(BigDecimal amount, BigDecimal limit) {
    return amount != null
        && limit != null
        && limit.signum() > 0
        && amount.compareTo(limit.multiply(nearLimit)) > 0;
  }

  /** Whether a request for {@code amount} is just above today's {@code limit}. */
  boolean isJustAbove(Money amount, Money limit) {
    return amount != null
        && limit != null
        && amount.sameCurrency(limit)
        && amount.compareTo(limit) > 0
        && amount.value().compareTo(limit.value().multiply(justAbove)) <= 0;
  }

  /** The limit a raise from {@code limit} proposes: times the step, two significant figures. */
  Money nextStep(Money limit) {
    BigDecimal next = limit.value().multiply(step).round(new MathContext(2, RoundingMode.HALF_UP));
    return new Money(next, limit.currency());
  }

  Assessment assess(Counts counts, Money limit) {
    boolean clean = counts.reversed() <= reversals;
    int nearNeeded = nearNeeded(counts.decisions());
    boolean byDecisions =
        clean && counts.decisions() >= decisions && counts.nearLimit() >= nearNeeded;
    boolean byRequests =
        clean && requestsJustAbove > 0 && counts.requestsJustAbove() >= requestsJustAbove;
    boolean earned = byDecisions || byRequests;
    return new Assessment(
        earned,
        words(counts, limit),
        earned ? null : nextStepWords(counts, limit, clean, nearNeeded),
        nextStep(limit));
  }

  /** How many decisions near the limit a record of {@code made} decisions needs. */
  int nearNeeded(int made) {
    return new BigDecimal(Math.max(made, decisions))
        .multiply(nearLimitPortion)
        .setScale(0, RoundingMode.CEILING)
        .intValueExact();
  }

  private Money nearAmount(Money limit) {
    return new Money(
        limit.value().multiply(nearLimit).setScale(2, RoundingMode.HALF_UP), limit.currency());
  }

  private String words(Counts counts, Money limit) {
    StringBuilder words =
        new StringBuilder()
            .append(plural(counts.decisions(), "decision"))
            .append(" within scope in the last ")
            .append(plural(months, "month"))
            .append(", ")
            .append(reversedWords(counts.reversed()));
    if (counts.decisions() > 0) {
      words
          .append("; ")
          .append(counts.nearLimit())
          .append(" of them above ")
          .append(nearAmount(limit))
          .append(" (")
          .append(percent(nearLimit))
          .append(" of the limit)");
    }
    if (counts.requestsJustAbove() > 0) {
      words
          .append("; ")
          .append(plural(counts.requestsJustAbove(), "request"))
          .append(" just above the limit approved by a holder");
    }
    return words.toString();
  }

  private String nextStepWords(Counts counts, Money limit, boolean clean, int nearNeeded) {
    List<String> parts = new ArrayList<>();
    if (counts.decisions() < decisions) {
      parts.add(plural(decisions - counts.decisions(), "more decision") + " within scope");
    }
    if (counts.nearLimit() < nearNeeded) {
      parts.add((nearNeeded - counts.nearLimit()) + " more above " + nearAmount(limit));
    }
    parts.add(
        clean
            ? reversals == 0 ? "none reversed" : "no more than " + reversals + " reversed"
            : "a window of "
                + plural(months, "month")
                + " with "
                + (reversals == 0 ? "no reversed decision" : "at most " + reversals + " reversed")
                + " (there "
                + (counts.reversed() == 1 ? "is 1" : "are " + counts.reversed())
                + " now)");
    String byDecisions = String.join(", ", parts);
    if (requestsJustAbove > 0 && clean) {
      return byDecisions
          + "; or "
          + plural(requestsJustAbove - counts.requestsJustAbove(), "more approved request")
          + " just above the limit";
    }
    return byDecisions;
  }

  private static String reversedWords(int reversed) {
    return reversed == 0 ? "none reversed" : reversed + " reversed";
  }

  private static String percent(BigDecimal share) {
    return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  private static String plural(int n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }
}
