package org.baton.advice;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * Something happened to an advice request: what ({@code kind}), who did it, with which stance.
 * Facts only: listeners word them. {@code told} should see it live; {@code newlyAsked} were just
 * put on its panel.
 *
 * @param actorPersonId who asked, advised or closed; null for a reminder
 * @param stance the advice given, for {@link Kind#ADVISED} and {@link Kind#REVISED}; else null
 */
public record AdviceChanged(
    long requestId,
    Kind kind,
    Long actorPersonId,
    Stance stance,
    // "audience" until 2026-12: a publication written before then still reads
    @JsonAlias("audience") List<Long> told,
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
    told = List.copyOf(told);
    newlyAsked = List.copyOf(newlyAsked);
  }
}
