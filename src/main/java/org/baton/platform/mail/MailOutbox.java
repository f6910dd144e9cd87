package org.baton.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baton.platform.BatonProperties;
import org.baton.platform.Mail;
import org.baton.platform.Outbox;
import org.baton.platform.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The outbox table: posting, claiming due messages for the sender, and the admins' list. */
@Repository
class MailOutbox implements Outbox {

  /** A stored message, as the sender and the admins' page see it. */
  record Stored(
      long id,
      String messageId,
      String recipient,
      String subject,
      String body,
      String html,
      String listUnsubscribe,
      Instant createdAt,
      int attempts,
      Instant sentAt,
      Instant failedAt,
      String lastError) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String domain;

  MailOutbox(JdbcClient jdbc, Clock clock, BatonProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.domain = properties.mail().messageIdDomain();
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void post(Mail mail) {
    Instant now = clock.instant();
    jdbc.sql(
            "insert into mail_outbox (message_id, recipient, subject, body, html, list_unsubscribe,"
                + " created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            "<" + UUID.randomUUID() + "@" + domain + ">",
            mail.to(),
            mail.subject(),
            mail.body(),
            mail.html(),
            mail.unsubscribe(),
            java.sql.Timestamp.from(now),
            java.sql.Timestamp.from(now))
        .update();
  }

  /**
   * Takes up to {@code max} due messages for sending and moves each one's next attempt {@code
   * lease} ahead, in one statement, so that two senders (two servers) never take the same one and a
   * sender that dies mid-send leaves it to be tried again after the lease.
   */
  @Transactional
  List<Stored> claimDue(int max, Duration lease) {
    Instant now = clock.instant();
    return jdbc.sql(
            """
            update mail_outbox set attempts = attempts + 1, next_attempt_at = ?
            where id in (
                select id from mail_outbox
                where sent_at is null and failed_at is null and next_attempt_at <= ?
                order by next_attempt_at, id
                limit ?
                for update skip locked)
            returning id, message_id, recipient, subject, body, html, list_unsubscribe, created_at, attempts, sent_at,
                      failed_at, last_error
            """)
        .params(java.sql.Timestamp.from(now.plus(lease)), java.sql.Timestamp.from(now), max)
        .query(Stored.class)
        .list();
  }

  @Transactional
  void markSent(long id) {
    jdbc.sql("update mail_outbox set sent_at = ?, last_error = null where id = ?")
        .params(java.sql.Timestamp.from(clock.instant()), id)
        .update();
  }

  /** A failed attempt: try again after {@code wait}, or give up for good. */
  @Transactional
  void markFailed(long id, String error, Duration wait, boolean giveUp) {
    Instant now = clock.instant();
    jdbc.sql(
            "update mail_outbox set last_error = ?, next_attempt_at = ?, failed_at = ?"
                + " where id = ?")
        .params(
            error.length() > 500 ? error.substring(0, 500) : error,
            java.sql.Timestamp.from(now.plus(wait)),
            giveUp ? java.sql.Timestamp.from(now) : null,
            id)
        .update();
  }

  @Transactional(readOnly = true)
  PageOf<Stored> page(int page, int size) {
    int safeSize = PageOf.clampSize(size);
    int safePage = PageOf.clampPage(page);
    List<Stored> items =
        jdbc.sql(
                "select id, message_id, recipient, subject, body, html, list_unsubscribe, created_at,"
                    + " attempts, sent_at,"
                    + " failed_at, last_error from mail_outbox"
                    + " order by created_at desc, id desc limit ? offset ?")
            .params(safeSize, (long) safePage * safeSize)
            .query(Stored.class)
            .list();
    long total = jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
    return new PageOf<>(items, safePage, safeSize, total);
  }
}
