package org.baton.platform;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("baton")
public record BatonProperties(
    @DefaultValue("./var") Path home,
    @DefaultValue("true") boolean demo,
    String adminPassword,
    String adminToken,
    @DefaultValue EmbeddedDatabase embeddedDatabase) {

  /**
   * @param ephemeral a throw-away database (tests): a clean data directory on every start, no fsync
   */
  public record EmbeddedDatabase(@DefaultValue("false") boolean ephemeral) {}
}
