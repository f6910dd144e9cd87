package org.baton.strategy;

/** Who may see a key figure. Admins see every figure. */
public enum Visibility {
  /** Every member. */
  EVERYONE("Everyone"),
  /** Team leaders (anyone who leads a team) and admins. */
  LEADERS("Team leaders"),
  /** The people named on the figure, and admins. */
  PEOPLE("Named people"),
  /** Admins only. */
  ADMINS("Admins");

  private final String label;

  Visibility(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
