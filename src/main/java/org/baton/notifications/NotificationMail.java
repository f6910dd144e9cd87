package org.baton.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baton.platform.BatonProperties;
import org.baton.platform.Mail;
import org.baton.platform.Outbox;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes notification e-mails, in plain text and HTML with the same words, each with a link to act
 * on, a link to the person's settings and a one-click unsubscribe for its kind; and posts them to
 * the outbox in the caller's transaction.
 */
@Component
class NotificationMail {

  /** One thing to tell: the notification's words, details (a question, a deadline), the link. */
  record Item(String text, List<String> details, String link) {
    Item {
      details = List.copyOf(details);
    }

    String action() {
      return "Open in Baton";
    }
  }

  private final Outbox outbox;
  private final ITemplateEngine templates;
  private final UnsubscribeLinks unsubscribe;
  private final String baseUrl;

  NotificationMail(
      Outbox outbox,
      ITemplateEngine templates,
      UnsubscribeLinks unsubscribe,
      BatonProperties properties) {
    this.outbox = outbox;
    this.templates = templates;
    this.unsubscribe = unsubscribe;
    this.baseUrl = properties.baseUrl();
  }

  /** One notification, sent at once. */
  void send(String to, long personId, NotificationKind kind, Item item) {
    Item absolute = new Item(item.text(), item.details(), absolute(item.link()));
    String why = "You get this because of your choice for “" + kind.label() + "”.";
    post(
        to,
        subject(item.text()),
        List.of(absolute),
        why,
        unsubscribe.link(personId, kind.name()),
        "Unsubscribe from these e-mails");
  }

  /** A digest: several items in one e-mail, the unsubscribe link stopping the digest. */
  void sendDigest(String to, long personId, String subject, List<Item> items) {
    post(
        to,
        subject,
        items.stream().map(i -> new Item(i.text(), i.details(), absolute(i.link()))).toList(),
        "This is your Baton digest.",
        unsubscribe.link(personId, UnsubscribeLinks.DIGEST),
        "Stop the digest");
  }

  private void post(
      String to,
      String subject,
      List<Item> items,
      String why,
      String unsubscribeLink,
      String unsubscribeLabel) {
    String settings = baseUrl + "/me/notifications/settings";
    StringBuilder text = new StringBuilder();
    for (Item item : items) {
      text.append(item.text()).append("\n\n");
      item.details().forEach(line -> text.append(line).append("\n\n"));
      text.append(item.action()).append(": ").append(item.link()).append("\n\n");
    }
    text.append("-- \n")
        .append(why)
        .append("\nChoose what reaches you by e-mail: ")
        .append(settings)
        .append("\n")
        .append(unsubscribeLabel)
        .append(": ")
        .append(unsubscribeLink)
        .append("\n");
    String html =
        templates.process(
            "notifications/mail",
            new Context(
                Locale.ENGLISH,
                Map.of(
                    "subject", subject,
                    "items", items,
                    "why", why,
                    "settings", settings,
                    "unsubscribe", unsubscribeLink,
                    "unsubscribeLabel", unsubscribeLabel)));
    outbox.post(new Mail(to, subject, text.toString(), html, unsubscribeLink));
  }

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

  /** A day as notifications say it: "7 Dec 2026". */
  static String day(java.time.LocalDate on) {
    return DAY.format(on);
  }

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  /** A moment as e-mails say it: "Tuesday 24 November 2026, 17:00 (Europe/Berlin)". */
  static String when(java.time.Instant at, java.time.ZoneId zone) {
    return WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
  }

  private String absolute(String link) {
    return link.startsWith("/") ? baseUrl + link : link;
  }

  private static String subject(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 150 ? oneLine.substring(0, 149) + "…" : oneLine;
  }
}
