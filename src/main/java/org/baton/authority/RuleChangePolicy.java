package org.baton.authority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a change to a rule does to the authority it gives. A rule's owner may <em>narrow</em> her
 * rule at once; anything that <em>widens</em> it waits for an admin's approval.
 *
 * <p>Narrowing (applied at once): a lower limit; a lower advice threshold, or one where there was
 * none; more advice perspectives; more conditions; a later start or an earlier end; retiring it.
 *
 * <p>Widening (proposed to an admin): another decision type; another holder (even a smaller one:
 * comparing holders would need the organisation as it will be, so any change of holder waits); a
 * higher limit or another currency; a higher advice threshold or none where there was one; fewer
 * advice perspectives; fewer or other conditions; an earlier start or a later (or no) end; another
 * owner; bringing a retired rule back.
 */
final class RuleChangePolicy {

  /** One way a change widens a rule, named by the field that widens. */
  enum Widening {
    DECISION_TYPE("decisionType"),
    HOLDER("holder"),
    LIMIT("limit"),
    CURRENCY("currency"),
    ADVICE_THRESHOLD("adviceThreshold"),
    ADVICE_PERSPECTIVES("advicePerspectives"),
    CONDITIONS("conditions"),
    VALID_FROM("validFrom"),
    VALID_UNTIL("validUntil"),
    OWNER("owner"),
    REINSTATED("retired");

    final String field;

    Widening(String field) {
      this.field = field;
    }
  }

  private RuleChangePolicy() {}

  /** Every way {@code proposed} gives more authority than {@code current}; empty if none. */
  static List<Widening> wideningsOf(AuthorityRule current, AuthorityRule proposed) {
    List<Widening> widenings = new ArrayList<>();
    if (!current.type().equals(proposed.type())) {
      widenings.add(Widening.DECISION_TYPE);
    }
    if (!current.holder().equals(proposed.holder())) {
      widenings.add(Widening.HOLDER);
    }
    if (current.limit() != null && proposed.limit() != null) {
      if (!current.limit().currency().equals(proposed.limit().currency())) {
        widenings.add(Widening.CURRENCY);
      } else if (proposed.limit().value().compareTo(current.limit().value()) > 0) {
        widenings.add(Widening.LIMIT);
      }
    } else if (current.limit() != null || proposed.limit() != null) {
      widenings.add(Widening.LIMIT);
    }
    if (!current.advicePerspectives().isEmpty()) {
      // Perspectives without a threshold need advice for every amount: any threshold then, or
      // none with fewer perspectives, asks for less advice.
      boolean always = current.adviceThreshold() == null;
      if (always
          ? proposed.adviceThreshold() != null
          : proposed.adviceThreshold() == null && proposed.advicePerspectives().isEmpty()
              || proposed.adviceThreshold() != null
                  && isHigher(proposed.adviceThreshold(), current.adviceThreshold())) {
        widenings.add(Widening.ADVICE_THRESHOLD);
      }
      if (!new HashSet<>(proposed.advicePerspectives()).containsAll(current.advicePerspectives())) {
        widenings.add(Widening.ADVICE_PERSPECTIVES);
      }
    }
    if (!conditions(proposed).containsAll(conditions(current))) {
      widenings.add(Widening.CONDITIONS);
    }
    if (current.validFrom() != null
        && (proposed.validFrom() == null || proposed.validFrom().isBefore(current.validFrom()))) {
      widenings.add(Widening.VALID_FROM);
    }
    if (current.validUntil() != null
        && (proposed.validUntil() == null || proposed.validUntil().isAfter(current.validUntil()))) {
      widenings.add(Widening.VALID_UNTIL);
    }
    if (!Objects.equals(current.ownerPersonId(), proposed.ownerPersonId())) {
      widenings.add(Widening.OWNER);
    }
    if (current.retired() && !proposed.retired()) {
      widenings.add(Widening.REINSTATED);
    }
    return widenings;
  }

  private static boolean isHigher(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) > 0;
  }

  private static Set<String> conditions(AuthorityRule rule) {
    Set<String> texts = new HashSet<>();
    rule.conditions().forEach(c -> texts.add(c.toString().toLowerCase(java.util.Locale.ROOT)));
    return texts;
  }
}
