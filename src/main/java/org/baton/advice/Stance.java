package org.baton.advice;

/** Where an adviser stands on the question. */
public enum Stance {
  SUPPORT("Support"),
  SUPPORT_WITH_CONDITIONS("Support with conditions"),
  CONCERN("Concern"),
  OBJECTION("Objection"),
  NO_OPINION("No opinion");

  private final String label;

  Stance(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
