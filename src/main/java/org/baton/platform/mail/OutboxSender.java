package org.baton.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.baton.platform.BatonProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends what waits in the outbox over SMTP, when SMTP is configured ({@code spring.mail.host});
 * otherwise mail stays in the outbox, readable by admins. A message is claimed with a lease, sent
 * with its own Message-ID, then marked sent; a failure is retried with growing waits (30 s, 1 min,
 * 2 min, ... up to an hour) until {@code baton.mail.max-attempts}, then marked failed. A crash
 * between sending and marking sends it once more, with the same Message-ID.
 */
@Component
class OutboxSender implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 20;

  private final MailOutbox outbox;
  private final ObjectProvider<JavaMailSender> smtp;
  private final BatonProperties properties;

  OutboxSender(MailOutbox outbox, ObjectProvider<JavaMailSender> smtp, BatonProperties properties) {
    this.outbox = outbox;
    this.smtp = smtp;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    Duration poll = properties.mail().poll();
    registrar.addFixedDelayTask(new FixedDelayTask(this::sendDue, poll, poll));
  }

  void sendDue() {
    JavaMailSender sender = smtp.getIfAvailable();
    if (sender == null) {
      return;
    }
    List<MailOutbox.Stored> due;
    try (Connection connection = new Connection(sender)) {
      do {
        due = outbox.claimDue(BATCH, properties.mail().lease());
        for (MailOutbox.Stored message : due) {
          send(sender, connection, message);
        }
      } while (due.size() == BATCH);
    }
  }

  /**
   * One SMTP connection for a whole round, opened at the first message and again after a failure: a
   * digest of thousands of messages does not pay a connection (and its greeting) for each. Senders
   * other than Spring's own send one by one.
   */
  private static final class Connection implements AutoCloseable {
    private final JavaMailSenderImpl smtp;
    private Transport transport;

    Connection(JavaMailSender sender) {
      this.smtp = sender instanceof JavaMailSenderImpl impl ? impl : null;
    }

    void send(JavaMailSender sender, MimeMessage mime) throws MessagingException {
      if (smtp == null) {
        sender.send(mime);
        return;
      }
      if (transport == null || !transport.isConnected()) {
        transport =
            smtp.getSession()
                .getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
        transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
      }
      // as Spring's sender does: saving changes would replace the Message-ID set before
      String messageId = mime.getMessageID();
      mime.saveChanges();
      if (messageId != null) {
        mime.setHeader("Message-ID", messageId);
      }
      try {
        transport.sendMessage(mime, mime.getAllRecipients());
      } catch (MessagingException e) {
        close();
        throw e;
      }
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException e) {
          // closing a broken connection: nothing to keep
        }
        transport = null;
      }
    }
  }

  private void send(JavaMailSender sender, Connection connection, MailOutbox.Stored message) {
    try {
      MimeMessage mime = sender.createMimeMessage();
      boolean html = message.html() != null;
      MimeMessageHelper helper = new MimeMessageHelper(mime, html, "UTF-8");
      helper.setFrom(properties.mail().from());
      helper.setTo(message.recipient());
      helper.setSubject(message.subject());
      if (html) {
        helper.setText(message.body(), message.html()); // multipart/alternative: text, then HTML
      } else {
        helper.setText(message.body(), false);
      }
      if (message.listUnsubscribe() != null) {
        // RFC 8058: a mail program unsubscribes with one POST to this address, no page to visit
        mime.setHeader("List-Unsubscribe", "<" + message.listUnsubscribe() + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      // Spring's sender keeps a Message-ID set before sending (saving would replace it)
      mime.setHeader("Message-ID", message.messageId());
      connection.send(sender, mime);
      outbox.markSent(message.id());
    } catch (jakarta.mail.MessagingException | RuntimeException e) { // MailException included
      boolean giveUp = message.attempts() >= properties.mail().maxAttempts();
      Duration wait = Duration.ofSeconds(30L << Math.min(message.attempts() - 1, 7));
      if (wait.compareTo(Duration.ofHours(1)) > 0) {
        wait = Duration.ofHours(1);
      }
      log.warn(
          "Could not send mail {} (attempt {}){}: {}",
          message.id(),
          message.attempts(),
          giveUp ? ", giving up" : ", trying again in " + wait,
          e.getMessage());
      outbox.markFailed(message.id(), String.valueOf(e.getMessage()), wait, giveUp);
    }
  }
}
