package org.baton.polls;

/** An answer to a consent proposal. */
public enum Stance {
  CONSENT("Consent"),
  STAND_ASIDE("Stand aside"),
  OBJECT("Object");

  private final String label;

  Stance(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
