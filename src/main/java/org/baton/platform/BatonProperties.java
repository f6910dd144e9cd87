package org.baton.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Baton's own settings, bound from {@code baton.*} properties or their environment variables
 * ({@code BATON_HOME}, {@code BATON_DEMO}, {@code BATON_ADMIN_PASSWORD}, {@code
 * BATON_ADMIN_TOKEN}).
 *
 * @param home where everything Baton keeps lives: the embedded database, uploads
 * @param demo whether a demo organisation is created on the first start with an empty database
 * @param adminPassword the bootstrap admin's password; generated and logged once when absent
 * @param adminToken an API token accepted for the admin account, stored hashed
 * @param embeddedDatabase settings of the embedded PostgreSQL
 * @param witness where the decision record's witness keeps its key and checkpoints, and how often
 *     it signs one
 * @param baseUrl the address people reach Baton at, for links in e-mails ({@code BATON_BASE_URL})
 * @param mail how e-mail is sent (the SMTP server itself is {@code spring.mail.*})
 * @param signIn how people sign in (single sign-on itself is {@code
 *     spring.security.oauth2.client.*})
 */
@ConfigurationProperties("baton")
public record BatonProperties(
    @DefaultValue("./var") Path home,
    @DefaultValue("true") boolean demo,
    String adminPassword,
    String adminToken,
    @DefaultValue EmbeddedDatabase embeddedDatabase,
    @DefaultValue Witness witness,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue MailSettings mail,
    @DefaultValue SignIn signIn,
    @DefaultValue Notifications notifications,
    @DefaultValue Webhooks webhooks) {

  /**
   * @param digestAt the time of day digests are written, in Baton's time zone ({@code
   *     BATON_NOTIFICATIONS_DIGEST_AT}); weekly digests go on Mondays
   * @param zone the time zone of digests and of deadlines in e-mails ({@code
   *     BATON_NOTIFICATIONS_ZONE})
   * @param digestPoll how often Baton looks for digests that are due
   * @param digestInitialDelay how long after a start it first looks
   */
  public record Notifications(
      @DefaultValue("07:00") java.time.LocalTime digestAt,
      @DefaultValue("UTC") java.time.ZoneId zone,
      @DefaultValue("PT1M") Duration digestPoll,
      @DefaultValue("PT1M") Duration digestInitialDelay) {}

  /**
   * @param allowPrivateAddresses whether webhook endpoints may be on private, loopback or
   *     link-local addresses ({@code BATON_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES}); off, so that a
   *     webhook cannot be used to reach inside the network Baton runs in (server-side request
   *     forgery)
   * @param timeout how long a receiver has to answer one delivery
   * @param perEndpoint how many deliveries to one endpoint may be under way at once, so that a
   *     receiver that hangs holds up only its own
   * @param retryFor how long a delivery is retried (with exponential back-off and jitter)
   * @param poll how often the sender looks for due deliveries
   */
  public record Webhooks(
      @DefaultValue("false") boolean allowPrivateAddresses,
      @DefaultValue("PT10S") Duration timeout,
      @DefaultValue("8") int perEndpoint,
      @DefaultValue("P3D") Duration retryFor,
      @DefaultValue("PT0.5S") Duration poll) {}

  /**
   * @param passwordsForPeople whether people may sign in with a password; turned off ({@code
   *     BATON_SIGN_IN_PASSWORDS_FOR_PEOPLE=false}) where everyone signs in with single sign-on.
   *     Operator accounts such as {@code admin} keep their password either way: the break-glass way
   *     in when the identity provider is down.
   */
  public record SignIn(@DefaultValue("true") boolean passwordsForPeople) {}

  /**
   * @param ephemeral a throw-away database (tests): a clean data directory on every start, no fsync
   */
  public record EmbeddedDatabase(@DefaultValue("false") boolean ephemeral) {}

  /**
   * @param directory the witness's directory, outside the database; {@code BATON_HOME/witness} when
   *     absent ({@code BATON_WITNESS_DIRECTORY})
   * @param interval how often the record is verified and, if intact, its head signed
   */
  public record Witness(Path directory, @DefaultValue("PT10M") Duration interval) {}

  /**
   * @param from the sender of every e-mail ({@code BATON_MAIL_FROM})
   * @param poll how often the sender looks for mail to send
   * @param maxAttempts how often a message is tried before it is marked failed
   * @param lease how long a message taken for sending is left to its sender before another may take
   *     it: after a crash mid-send, the messages the dead sender had taken wait this long
   */
  public record MailSettings(
      @DefaultValue("baton@localhost") String from,
      @DefaultValue("PT1S") Duration poll,
      @DefaultValue("10") int maxAttempts,
      @DefaultValue("PT5M") Duration lease) {

    /** The domain of Message-IDs: the sender's. */
    public String messageIdDomain() {
      return from.substring(from.indexOf('@') + 1);
    }
  }

  /** The witness's directory: the configured one, or {@code witness} under the home. */
  public Path witnessDirectory() {
    Path configured = witness.directory();
    return (configured != null ? configured : home.resolve("witness")).toAbsolutePath().normalize();
  }
}
