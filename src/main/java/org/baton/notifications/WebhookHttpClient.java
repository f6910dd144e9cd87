package org.baton.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/** The HTTP client webhook deliveries go through ({@link WebhookSender}). */
final class WebhookHttpClient {

  private static final int MAX_CONNECTIONS = 1024;

  private WebhookHttpClient() {}

  /**
   * The HTTP client: it resolves each host through the address policy, so that it connects only to
   * addresses the policy has just checked, and never follows a redirect (which could lead inside).
   */
  static CloseableHttpAsyncClient create(Duration timeoutAfter, WebhookAddressPolicy addresses) {
    DnsResolver checked =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            return addresses.checkedAddresses(host);
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
    Timeout timeout = Timeout.of(timeoutAfter);
    CloseableHttpAsyncClient client =
        HttpAsyncClients.custom()
            .setConnectionManager(
                PoolingAsyncClientConnectionManagerBuilder.create()
                    .setDnsResolver(checked)
                    // the sender limits deliveries per endpoint; endpoints on one host share a
                    // route here, and one that hangs must not hold up the others
                    .setMaxConnPerRoute(MAX_CONNECTIONS)
                    .setMaxConnTotal(MAX_CONNECTIONS)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom().setConnectTimeout(timeout).build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(timeout)
                    .setRedirectsEnabled(false)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
    client.start();
    return client;
  }
}
