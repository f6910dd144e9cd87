package org.baton.authority;

import java.time.Instant;
import java.util.Map;
import org.baton.platform.Money;

/**
 * A question once asked of the policy: a logged check, or a recorded decision (as its requester, or
 * its decider, would have asked it). Previews of rule changes replay them.
 */
public record PastQuestion(
    String source,
    long personId,
    String decisionType,
    Money amount,
    Map<String, String> context,
    Instant at) {

  /** Where past questions come from; the decision record is one source, the check log another. */
  public interface Source {
    java.util.List<PastQuestion> since(Instant since, int max);
  }
}
