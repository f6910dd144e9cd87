package org.baton.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}) takes bearer tokens, or the browser's session with a
 * CSRF token, and answers 401/403 as problem details. Pages use form sign-in, with CSRF on every
 * form and throttling of failed sign-ins, and single sign-on with OpenID Connect where a provider
 * is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  private static final String[] PUBLIC_PAGES = {
    "/login",
    "/invitation",
    "/password-reset",
    "/password-reset/new",
    // the one-click unsubscribe link of e-mails: the signed link is the key
    "/unsubscribe",
    // a calendar app's subscription: the secret address is the key (GET only, it changes nothing)
    "/calendar/*",
    "/css/**",
    "/js/**",
    "/webjars/**",
    "/favicon.ico",
    "/error",
    "/actuator/health/**"
  };

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt by default, with the algorithm named in each hash so that it can change later.
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * SCIM provisioning ({@code /scim/**}): bearer tokens only, never a browser's session (so there
   * is nothing for CSRF to protect), errors as SCIM error responses. Which token may do what is the
   * provisioning module's ScimPermissions.
   */
  @Bean
  @Order(0)
  SecurityFilterChain scim(HttpSecurity http, ApiTokens tokens, AccountRepository accounts)
      throws Exception {
    ScimErrorResponses errors = new ScimErrorResponses();
    http.securityMatcher("/scim/**")
        .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
        .securityContext(
            context ->
                context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new BearerTokenFilter(tokens, errors), BasicAuthenticationFilter.class)
        .addFilterAfter(new ActiveAccountFilter(accounts), SecurityContextHolderFilter.class)
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors));
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AccountRepository accounts)
      throws Exception {
    ProblemResponses problems = new ProblemResponses();
    // CSRF protects what a browser's session cookie could be abused for; a call with a bearer
    // token, or without any session, carries nothing a forged request could ride on.
    RequestMatcher sessionWrite =
        request ->
            !hasBearerToken(request)
                && request.getRequestedSessionId() != null
                && !HttpMethod.GET.matches(request.getMethod())
                && !HttpMethod.HEAD.matches(request.getMethod())
                && !HttpMethod.OPTIONS.matches(request.getMethod());
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
                        HttpMethod.GET, "/api/docs", "/api/docs/**", "/api/swagger-ui/**")
                    .permitAll()
                    // whoever holds a link from an e-mail, or asks for one
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/invitations/accept",
                        "/api/v1/password-resets",
                        "/api/v1/password-resets/accept")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
        .addFilterAfter(new ActiveAccountFilter(accounts), SecurityContextHolderFilter.class)
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionWrite))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      SignInThrottle throttle,
      AccountRepository accounts,
      Clock clock,
      ObjectProvider<ClientRegistrationRepository> singleSignOnProviders,
      SingleSignOn singleSignOn)
      throws Exception {
    if (singleSignOnProviders.getIfAvailable() != null) {
      // Single sign-on, where spring.security.oauth2.client.registration.* names a provider.
      http.oauth2Login(
          login ->
              login
                  .loginPage("/login")
                  .userInfoEndpoint(userInfo -> userInfo.oidcUserService(singleSignOn))
                  .successHandler(singleSignOnSuccess(accounts, clock))
                  .failureHandler(
                      (request, response, e) ->
                          response.sendRedirect(
                              request.getContextPath() + "/login?sso=" + refusal(e))));
    }
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(PUBLIC_PAGES)
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(throttledSuccess(throttle, accounts, clock))
                    .failureHandler(
                        (request, response, e) -> {
                          throttle.recordFailure(
                              request.getParameter("username"), request.getRemoteAddr());
                          response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").permitAll())
        // A mail program unsubscribes with a bare POST (RFC 8058), without a CSRF token; the
        // signed link it posts to is for one person and one kind, and does nothing more.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe"))
        .addFilterBefore(
            new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(new ActiveAccountFilter(accounts), SecurityContextHolderFilter.class)
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self'"
                                + " 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")));
    return http.build();
  }

  /**
   * Back to the page that asked for sign-in (or the start page), forgetting past failures and
   * noting when the account signed in (admins see who has).
   */
  private static AuthenticationSuccessHandler throttledSuccess(
      SignInThrottle throttle, AccountRepository accounts, Clock clock) {
    SavedRequestAwareAuthenticationSuccessHandler target =
        new SavedRequestAwareAuthenticationSuccessHandler();
    target.setDefaultTargetUrl("/");
    return (request, response, authentication) -> {
      throttle.recordSuccess(request.getParameter("username"), request.getRemoteAddr());
      if (authentication.getPrincipal() instanceof BatonUser user) {
        accounts.recordSignIn(user.accountId(), clock.instant());
      }
      target.onAuthenticationSuccess(request, response, authentication);
    };
  }

  /**
   * After single sign-on, the session keeps the Baton account alone (as password sign-in does), not
   * the provider's tokens.
   */
  private static AuthenticationSuccessHandler singleSignOnSuccess(
      AccountRepository accounts, Clock clock) {
    SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    SavedRequestAwareAuthenticationSuccessHandler target =
        new SavedRequestAwareAuthenticationSuccessHandler();
    target.setDefaultTargetUrl("/");
    return (request, response, authentication) -> {
      BatonUser user = ((SingleSignOn.Identified) authentication.getPrincipal()).user();
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
      SecurityContextHolder.setContext(context);
      sessions.saveContext(context, request, response);
      accounts.recordSignIn(user.accountId(), clock.instant());
      target.onAuthenticationSuccess(request, response, context.getAuthentication());
    };
  }

  /** Why single sign-on failed, as the sign-in page's parameter: one of a few known words. */
  private static String refusal(AuthenticationException e) {
    if (e instanceof OAuth2AuthenticationException refused) {
      String code = refused.getError().getErrorCode();
      if (SingleSignOn.UNVERIFIED_EMAIL.equals(code) || SingleSignOn.UNKNOWN_PERSON.equals(code)) {
        return code;
      }
    }
    return "failed";
  }

  static boolean hasBearerToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }
}
