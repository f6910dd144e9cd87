package org.baton.authority;

/** The answer to "may I decide this?". */
public enum Verdict {
  /** Yours to decide. */
  WITHIN_AUTHORITY,
  /** Yours to decide once you have consulted the named perspectives. */
  NEEDS_ADVICE,
  /** Not yours: here is who holds it. */
  OUTSIDE_AUTHORITY
}
