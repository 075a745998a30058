package io.shopscore.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import io.shopscore.problem.ProblemException;

/**
 * Where webhook calls may go. Without this check a shop could aim its webhook at the operator's own
 * network (a database, a cloud metadata service) and read the answers from its delivery log.
 *
 * <p>A host name is resolved once, every address it resolves to is checked, and the call then
 * connects to a checked address ({@link PinnedPost}): a second lookup at connect time could answer
 * differently (DNS rebinding) and reach an address that was never checked.
 */
final class Destinations {

    private Destinations() {
    }

    /**
     * Refuses plain http and any address inside a private network, unless private networks are
     * allowed (dev mode and tests, where the receiver is on localhost).
     */
    static void check(String url, boolean allowPrivateNetworks) {
        if (!allowPrivateNetworks) {
            resolve(URI.create(url), false);
        }
    }

    /**
     * The addresses to connect to for this URL, each checked: refuses plain http, a host that does
     * not resolve, and a host of which any address is private (unless private networks are allowed).
     */
    static List<InetAddress> resolve(URI uri, boolean allowPrivateNetworks) {
        if (!allowPrivateNetworks && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw ProblemException.invalid("url", "must be an https URL");
        }
        String host = uri.getHost();
        if (host == null) {
            throw ProblemException.invalid("url", "has no host");
        }
        List<InetAddress> addresses;
        try {
            addresses = Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw ProblemException.invalid("url", "has a host name that does not resolve");
        }
        if (!allowPrivateNetworks) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw ProblemException.invalid("url", "must point to a public address, not " + address.getHostAddress());
                }
            }
        }
        return addresses;
    }

    /**
     * Whether the address is one a webhook must not reach: loopback, private, shared (carrier-grade
     * NAT), link-local, multicast, "this network", benchmarking, reserved, and the IPv6 forms that
     * carry an IPv4 address (mapped, compatible, NAT64, 6to4), which could smuggle any of those in.
     */
    static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPrivateIpv4(b);
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return isPrivateIpv4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d, should Java ever keep it as IPv6
        }
        boolean ipv4Compatible = firstTenZero && b[10] == 0 && b[11] == 0; // ::a.b.c.d, also :: and ::1
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0;
        boolean sixToFour = (b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02;
        boolean uniqueLocal = (b[0] & 0xFE) == 0xFC;
        return ipv4Compatible || nat64 || sixToFour || uniqueLocal || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress();
    }

    private static boolean isPrivateIpv4(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0                                   // 0.0.0.0/8 "this network"
                || first == 10                              // 10.0.0.0/8
                || first == 100 && (second & 0xC0) == 64    // 100.64.0.0/10 shared (carrier-grade NAT)
                || first == 127                             // 127.0.0.0/8 loopback
                || first == 169 && second == 254            // 169.254.0.0/16 link-local, cloud metadata
                || first == 172 && (second & 0xF0) == 16    // 172.16.0.0/12
                || first == 192 && second == 168            // 192.168.0.0/16
                || first == 192 && second == 0 && b[2] == 0 // 192.0.0.0/24 protocol assignments
                || first == 198 && (second & 0xFE) == 18    // 198.18.0.0/15 benchmarking
                || first >= 224;                            // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved, broadcast
    }
}
