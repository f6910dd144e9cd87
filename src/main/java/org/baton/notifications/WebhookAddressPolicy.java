package org.baton.notifications;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where webhooks may go. Against server-side request forgery (a webhook used to reach inside the
 * network Baton runs in): every address the host resolves to must be public (not private, loopback,
 * link-local, unique-local, multicast or unspecified), unless private addresses are allowed ({@code
 * baton.webhooks.allow-private-addresses}). An address must be https when Baton itself is served
 * over https (production); plain http is accepted only where Baton runs on http (development, the
 * demo). Asked when an endpoint is registered and again before each delivery, since a name may
 * later resolve elsewhere.
 */
final class WebhookAddressPolicy {

  /** Resolves a host name; a seam for tests of the rule itself. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowPrivate;
  private final boolean requireHttps;
  private final Resolver resolver;

  WebhookAddressPolicy(boolean allowPrivate, boolean requireHttps, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.requireHttps = requireHttps;
    this.resolver = resolver;
  }

  /** Why this URL may not receive webhooks, or empty if it may. */
  Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("Give a full address, such as https://example.com/baton-events.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!List.of("https", "http").contains(scheme) || uri.getHost() == null) {
      return Optional.of("Give a full address, such as https://example.com/baton-events.");
    }
    if (requireHttps && !scheme.equals("https")) {
      return Optional.of("Use https: deliveries carry signed data and must be encrypted.");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("Leave user names and passwords out of the address.");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(uri.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("The host " + uri.getHost() + " cannot be found.");
    }
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (!isPublic(address)) {
          return Optional.of(
              "The host "
                  + uri.getHost()
                  + " is a private, loopback or link-local address ("
                  + address.getHostAddress()
                  + "): webhooks go only to public addresses.");
        }
      }
    }
    return Optional.empty();
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      // fc00::/7, unique local addresses (IPv6's private range)
      if ((bytes[0] & 0xfe) == 0xfc) {
        return false;
      }
      // ::ffff:a.b.c.d, an IPv4 address in IPv6 clothing: judge the IPv4 address
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= bytes[i] == 0;
      }
      if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
        try {
          return isPublic(
              InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return true;
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, and the reserved 240.0.0.0/4
    return !(first == 0
        || (first == 100 && second >= 64 && second < 128)
        || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
        || first >= 240);
  }
}
