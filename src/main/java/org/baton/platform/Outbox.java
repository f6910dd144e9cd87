package org.baton.platform;

/**
 * Where every e-mail goes: into the outbox table within the caller's transaction, so that it is
 * kept exactly when the action that caused it is, and then sent by a background sender (SMTP), or
 * read by admins at {@code /admin/mail} when no SMTP server is configured.
 */
public interface Outbox {

  /** Keeps the mail with the current transaction; it must run inside one. */
  void post(Mail mail);
}
