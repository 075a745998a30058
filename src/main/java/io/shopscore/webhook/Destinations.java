package io.shopscore.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import io.shopscore.problem.ProblemException;

/**
 * Where webhook calls may go. Without this check a shop could aim its webhook at the operator's own
 * network (a database, a cloud metadata service) and read the answers from its delivery log.
 */
final class Destinations {

    private Destinations() {
    }

    /**
     * Refuses plain http and any address inside a private network (loopback, private ranges,
     * link-local such as 169.254.169.254, unique-local IPv6), unless private networks are allowed
     * (dev mode and tests, where the receiver is on localhost).
     */
    static void check(String url, boolean allowPrivateNetworks) {
        if (allowPrivateNetworks) {
            return;
        }
        URI uri = URI.create(url);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw ProblemException.invalid("url", "must be an https URL");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    throw ProblemException.invalid("url", "must point to a public address, not " + address.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            throw ProblemException.invalid("url", "has a host name that does not resolve");
        }
    }

    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalIpv6 = bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
        boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalIpv6 || carrierGradeNat;
    }
}
