package org.baton.identity;

import java.security.SecureRandom;
import java.util.Base64;
import org.baton.platform.BatonProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Makes sure an operator can get in: the {@code admin} account with {@code BATON_ADMIN_PASSWORD}
 * (or a generated password, logged once on the first start), and {@code BATON_ADMIN_TOKEN} as an
 * admin API token for provisioning scripts.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

  static final String ADMIN = "admin";
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final AccountRepository accounts;
  private final ApiTokens tokens;
  private final PasswordEncoder passwordEncoder;
  private final BatonProperties properties;

  AdminBootstrap(
      AccountRepository accounts,
      ApiTokens tokens,
      PasswordEncoder passwordEncoder,
      BatonProperties properties) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.passwordEncoder = passwordEncoder;
    this.properties = properties;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    String configured = properties.adminPassword();
    long adminId =
        accounts
            .findByUsername(ADMIN)
            .map(
                admin -> {
                  if (StringUtils.hasText(configured)
                      && !passwordEncoder.matches(configured, admin.passwordHash())) {
                    accounts.setPassword(admin.id(), passwordEncoder.encode(configured));
                    log.info("The admin password was set from BATON_ADMIN_PASSWORD.");
                  }
                  return admin.id();
                })
            .orElseGet(() -> createAdmin(configured));
    String token = properties.adminToken();
    if (StringUtils.hasText(token)) {
      if (token.strip().length() < ApiTokens.MIN_LENGTH) {
        throw new IllegalStateException(
            "BATON_ADMIN_TOKEN must be at least " + ApiTokens.MIN_LENGTH + " characters long.");
      }
      tokens.ensureBootstrapToken(adminId, token.strip());
    }
  }

  private long createAdmin(String configured) {
    String password = configured;
    if (!StringUtils.hasText(password)) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      log.warn(
          "\n\n    Baton created the account 'admin' with the password: {}\n"
              + "    It is shown only this once. Set BATON_ADMIN_PASSWORD to choose your own.\n",
          password);
    }
    return accounts.createOperator(ADMIN, passwordEncoder.encode(password), "ADMIN");
  }
}
