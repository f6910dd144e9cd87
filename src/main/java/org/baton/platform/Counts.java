package org.baton.platform;

import org.springframework.stereotype.Component;

/**
 * A number with its noun as people say it: "1 contribution", "2 contributions", "1 person", "3
 * people". Templates ask it as {@code @count}, so that no page says "1 contributions".
 */
@Component("count")
public class Counts {

  /** The count and the noun, adding an "s" for any number but one. */
  public String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }

  /** The count and the noun, with an irregular plural. */
  public String of(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
