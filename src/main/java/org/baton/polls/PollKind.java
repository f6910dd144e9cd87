package org.baton.polls;

/** What a poll asks of its audience, in the words the pages use. */
public enum PollKind {
  CONSENT("Consent to a proposal", "Consent, stand aside or object; silence counts as consent."),
  CHOICE("A choice among options", "Choose one option (or several, when the poll allows it)."),
  SCORE("Scores for each option", "Give each option a score from 0 to 10."),
  RANKED("A ranking of the options", "Rank the options, best first."),
  MEETING("A time to meet", "Choose every time that suits you.");

  private final String label;
  private final String how;

  PollKind(String label, String how) {
    this.label = label;
    this.how = how;
  }

  public String label() {
    return label;
  }

  /** How to vote in a poll of this kind, said once beside the form. */
  public String how() {
    return how;
  }

  /** Whether the poll has options to choose among (all but consent). */
  public boolean hasOptions() {
    return this != CONSENT;
  }
}
