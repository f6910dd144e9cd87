package org.baton.platform;

/**
 * An e-mail to one person: plain text (the same words as the pages, readable on a phone), and
 * optionally the same in HTML and a one-click unsubscribe address (sent as {@code List-Unsubscribe}
 * with {@code List-Unsubscribe-Post}, RFC 8058).
 *
 * @param html the HTML part, or null for plain text only
 * @param unsubscribe the https (or, in development, http) address that unsubscribes with one POST,
 *     or null for mail one cannot unsubscribe from (an invitation, a sign-in link)
 */
public record Mail(String to, String subject, String body, String html, String unsubscribe) {

  public Mail(String to, String subject, String body) {
    this(to, subject, body, null, null);
  }
}
