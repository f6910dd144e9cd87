package org.baton.initiatives;

/** Where an initiative stands. Done and dropped are final. */
public enum InitiativeStatus {
  OPEN("Open"),
  EXPLORING("Exploring: seeking advice"),
  DECIDED("Decided"),
  IN_PROGRESS("In progress"),
  DONE("Done"),
  DROPPED("Dropped");

  private final String label;

  InitiativeStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isFinal() {
    return this == DONE || this == DROPPED;
  }
}
