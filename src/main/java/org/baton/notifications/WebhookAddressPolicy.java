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
 * demo). Asked when an endpoint is registered and again for each delivery, since a name may later
 * resolve elsewhere; a delivery connects to the addresses it checked ({@link #checkedAddresses}).
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

  /**
   * The addresses a delivery connects to: the host resolved once, and refused (as an unknown host,
   * with the reason) unless every address is one webhooks may reach. The connection is made to
   * exactly these, so that no second look-up between the check and the connection can lead
   * elsewhere.
   */
  InetAddress[] checkedAddresses(String host) throws UnknownHostException {
    InetAddress[] addresses = resolver.resolve(host);
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (!isPublic(address)) {
          throw new UnknownHostException(
              "The host "
                  + host
                  + " is a private, loopback or link-local address ("
                  + address.getHostAddress()
                  + "): webhooks go only to public addresses.");
        }
      }
    }
    return addresses;
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
      return isPublicV6(bytes);
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 (benchmarking,
    // often routed inside networks), and the reserved 240.0.0.0/4
    return !(first == 0
        || (first == 100 && second >= 64 && second < 128)
        || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
        || (first == 198 && (second == 18 || second == 19))
        || first >= 240);
  }

  /**
   * An IPv6 address that carries an IPv4 one is judged by the IPv4 address it leads to (IPv4-mapped
   * ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::);
   * Teredo (2001::/32), local NAT64 (64:ff9b:1::/48), unique-local (fc00::/7), discard (100::/64)
   * and documentation (2001:db8::/32) addresses are refused outright.
   */
  private static boolean isPublicV6(byte[] b) {
    int word0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int word1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    int word2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
    if ((b[0] & 0xfe) == 0xfc
        || (word0 == 0x2001 && word1 < 0x0200) // 2001::/23, IETF protocol assignments, Teredo
        || (word0 == 0x2001 && word1 == 0x0db8)
        || (word0 == 0x0064 && word1 == 0xff9b && word2 == 0x0001)
        || (word0 == 0x0100 && allZero(b, 2, 8))) {
      return false;
    }
    if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return isPublicV4(b, 12); // ::ffff:a.b.c.d
    }
    if (allZero(b, 0, 12)) {
      return isPublicV4(b, 12); // ::a.b.c.d
    }
    if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && allZero(b, 10, 12)) {
      return isPublicV4(b, 12); // ::ffff:0:a.b.c.d, IPv4-translated
    }
    if (word0 == 0x0064 && word1 == 0xff9b && allZero(b, 4, 12)) {
      return isPublicV4(b, 12); // 64:ff9b::a.b.c.d
    }
    if (word0 == 0x2002) {
      return isPublicV4(b, 2); // 2002:aabb:ccdd::
    }
    return true;
  }

  private static boolean isPublicV4(byte[] b, int from) {
    try {
      return isPublic(
          InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
