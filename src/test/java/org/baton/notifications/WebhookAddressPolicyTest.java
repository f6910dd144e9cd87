package org.baton.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks may go: public addresses only, https where Baton itself is on https. */
class WebhookAddressPolicyTest {

  /** Names resolve as a DNS server (under an attacker's control, say) might answer. */
  private static final Map<String, String> DNS =
      Map.ofEntries(
          Map.entry("public.example", "93.184.216.34"),
          Map.entry("loopback.example", "127.0.0.1"),
          Map.entry("private10.example", "10.1.2.3"),
          Map.entry("private172.example", "172.16.5.4"),
          Map.entry("private192.example", "192.168.1.10"),
          Map.entry("metadata.example", "169.254.169.254"),
          Map.entry("cgnat.example", "100.64.0.1"),
          Map.entry("zero.example", "0.0.0.0"),
          Map.entry("ula.example", "fd00::1"),
          Map.entry("mapped.example", "::ffff:127.0.0.1"),
          Map.entry("v6loopback.example", "::1"),
          Map.entry("compatible.example", "::127.0.0.1"),
          Map.entry("nat64.example", "64:ff9b::7f00:1"),
          Map.entry("nat64local.example", "64:ff9b:1::808:808"),
          Map.entry("sixtofour.example", "2002:7f00:1::"),
          Map.entry("sixtofourprivate.example", "2002:a00:1::1"),
          Map.entry("teredo.example", "2001::abcd"),
          Map.entry("translated.example", "::ffff:0:7f00:1"),
          Map.entry("ietf.example", "2001:100::1"),
          Map.entry("benchmark.example", "198.18.0.1"),
          Map.entry("benchmark19.example", "198.19.255.1"),
          Map.entry("documentation6.example", "2001:db8::1"),
          Map.entry("nat64public.example", "64:ff9b::5db8:d822"),
          Map.entry("v6public.example", "2606:2800:220:1:248:1893:25c8:1946"));

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String address = DNS.get(host);
    if (address == null) {
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(address)};
  }

  private final WebhookAddressPolicy production =
      new WebhookAddressPolicy(false, true, WebhookAddressPolicyTest::resolve);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "loopback.example",
        "private10.example",
        "private172.example",
        "private192.example",
        "metadata.example",
        "cgnat.example",
        "zero.example",
        "ula.example",
        "mapped.example",
        "v6loopback.example",
        "compatible.example",
        "nat64.example",
        "nat64local.example",
        "sixtofour.example",
        "sixtofourprivate.example",
        "teredo.example",
        "translated.example",
        "ietf.example",
        "benchmark.example",
        "benchmark19.example",
        "documentation6.example"
      })
  void privateLoopbackAndLinkLocalAddressesAreRefused(String host) {
    assertThat(production.refusal("https://" + host + "/hook"))
        .hasValueSatisfying(why -> assertThat(why).contains("only to public addresses"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"public.example", "v6public.example", "nat64public.example"})
  void publicAddressesAreAccepted(String host) {
    assertThat(production.refusal("https://" + host + "/hook")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://public.example/hook | Use https",
        "ftp://public.example/hook | Give a full address",
        "public.example/hook | Give a full address",
        "https://user:secret@public.example/hook | Leave user names",
        "https://nowhere.example/hook | cannot be found"
      })
  void otherBadAddressesAreRefusedWithAReason(String url, String reason) {
    assertThat(production.refusal(url)).hasValueSatisfying(why -> assertThat(why).contains(reason));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://loopback.example:8089/hook", "http://private10.example/hook"})
  void theSettingAllowsPrivateAddressesAndHttpWhereBatonRunsOnHttp(String url) {
    assertThat(
            new WebhookAddressPolicy(true, false, WebhookAddressPolicyTest::resolve).refusal(url))
        .isEmpty();
  }

  /**
   * A name that resolves to a public address when the endpoint is checked and to this machine when
   * the delivery connects (DNS rebinding) is refused at the connection: the sender connects only to
   * addresses it has just checked, and a real receiver on loopback gets nothing.
   */
  @org.junit.jupiter.api.Test
  void aDeliveryConnectsOnlyToTheAddressItChecked() throws Exception {
    com.sun.net.httpserver.HttpServer receiver =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    java.util.concurrent.atomic.AtomicInteger received =
        new java.util.concurrent.atomic.AtomicInteger();
    receiver.createContext(
        "/",
        exchange -> {
          received.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();
    WebhookAddressPolicy rebinding =
        new WebhookAddressPolicy(
            false,
            false,
            host ->
                new InetAddress[] {
                  InetAddress.getByName(
                      lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")
                });
    String url = "http://rebind.example:" + receiver.getAddress().getPort() + "/hook";
    try (var client = WebhookHttpClient.create(java.time.Duration.ofSeconds(5), rebinding)) {
      assertThat(rebinding.refusal(url)).as("the check at registration").isEmpty();
      var answer =
          client.execute(
              org.apache.hc.client5.http.async.methods.SimpleRequestBuilder.post(url)
                  .setBody("{}", org.apache.hc.core5.http.ContentType.APPLICATION_JSON)
                  .build(),
              null);
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> answer.get(10, java.util.concurrent.TimeUnit.SECONDS)))
          .hasRootCauseInstanceOf(UnknownHostException.class)
          .rootCause()
          .hasMessageContaining("only to public addresses");
      assertThat(received).hasValue(0);
    } finally {
      receiver.stop(0);
    }
  }
}
