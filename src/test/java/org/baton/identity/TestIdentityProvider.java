package org.baton.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider on loopback for the tests of single sign-on: Spring Authorization
 * Server on {@code 127.0.0.1} (Baton runs on {@code localhost}, so their session cookies stay
 * apart), with one client, {@code baton}, and users the tests add with the e-mail address (verified
 * or not) that its ID tokens will carry.
 */
public final class TestIdentityProvider implements AutoCloseable {

  public static final String CLIENT_ID = "baton";
  public static final String CLIENT_SECRET = "test-client-secret";
  public static final String USER_PASSWORD = "idp-password";

  private final ConfigurableApplicationContext server;
  private final int port;

  private TestIdentityProvider(ConfigurableApplicationContext server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts the provider on this port, accepting Baton's redirect on {@code batonPort}. */
  public static TestIdentityProvider start(int port, int batonPort) {
    String client = "spring.security.oauth2.authorizationserver.client.baton.registration.";
    ConfigurableApplicationContext server =
        new SpringApplication(Configuration.class)
            .run(
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--spring.security.oauth2.authorizationserver.issuer=" + issuer(port),
                "--" + client + "client-id=" + CLIENT_ID,
                "--" + client + "client-secret={noop}" + CLIENT_SECRET,
                "--" + client + "client-authentication-methods=client_secret_basic",
                "--" + client + "authorization-grant-types=authorization_code",
                "--" + client + "scopes=openid,email,profile",
                "--"
                    + client
                    + "redirect-uris=http://localhost:"
                    + batonPort
                    + "/login/oauth2/code/company",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    return new TestIdentityProvider(server, port);
  }

  public static String issuer(int port) {
    return "http://127.0.0.1:" + port;
  }

  public String issuer() {
    return issuer(port);
  }

  /** A user who signs in at the provider with {@link #USER_PASSWORD}. */
  public void addUser(String username, String email, boolean verified) {
    server.getBean(Claims.class).byUser.put(username, new Claim(email, verified));
    server
        .getBean(InMemoryUserDetailsManager.class)
        .createUser(
            User.withUsername(username).password("{noop}" + USER_PASSWORD).roles("USER").build());
  }

  /**
   * The properties that make a Baton server use this provider as the registration {@code company},
   * its button reading "Sign in with Company ID".
   */
  public String[] batonProperties() {
    String registration = "--spring.security.oauth2.client.registration.company.";
    return new String[] {
      registration + "client-id=" + CLIENT_ID,
      registration + "client-secret=" + CLIENT_SECRET,
      registration + "client-name=Company ID",
      registration + "scope=openid,email,profile",
      "--spring.security.oauth2.client.provider.company.issuer-uri=" + issuer()
    };
  }

  @Override
  public void close() {
    server.close();
  }

  record Claim(String email, boolean verified) {}

  static final class Claims {
    final Map<String, Claim> byUser = new ConcurrentHashMap<>();
  }

  // Not a @Configuration: Baton's component scan covers this package and must not find it.
  @ImportAutoConfiguration({
    org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration
        .class,
    org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
    org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
    org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
    org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration
        .class,
    org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
    org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
    org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration
        .class,
    org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration
        .class,
    org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet
        .OAuth2AuthorizationServerAutoConfiguration.class,
    org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet
        .OAuth2AuthorizationServerJwtAutoConfiguration.class
  })
  static class Configuration {

    @Bean
    Claims claims() {
      return new Claims();
    }

    @Bean
    InMemoryUserDetailsManager users() {
      return new InMemoryUserDetailsManager();
    }

    /** Puts the user's e-mail address, and whether it is verified, into their ID token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailInIdToken(Claims claims) {
      return context -> {
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
          Claim claim = claims.byUser.get(context.getPrincipal().getName());
          if (claim != null) {
            context.getClaims().claim("email", claim.email());
            context.getClaims().claim("email_verified", claim.verified());
          }
        }
      };
    }
  }
}
