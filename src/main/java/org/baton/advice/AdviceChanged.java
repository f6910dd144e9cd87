package org.baton.advice;

import java.util.List;

/**
 * Something happened to an advice request: what ({@code kind}), who did it, with which stance.
 * Facts only: listeners word them. {@code audience} should see it live; {@code newlyAsked} were
 * just put on its panel.
 *
 * @param actorPersonId who asked, advised or closed; null for a reminder
 * @param stance the advice given, for {@link Kind#ADVISED} and {@link Kind#REVISED}; else null
 */
public record AdviceChanged(
    long requestId,
    Kind kind,
    Long actorPersonId,
    Stance stance,
    List<Long> audience,
    List<Long> newlyAsked) {

  public enum Kind {
    ASKED,
    ADVISED,
    REVISED,
    CLOSED,
    REMINDER,
    /** A panel member left before advising; the asker is offered a replacement. */
    ADVISER_LEFT
  }

  public AdviceChanged {
    audience = List.copyOf(audience);
    newlyAsked = List.copyOf(newlyAsked);
  }
}
