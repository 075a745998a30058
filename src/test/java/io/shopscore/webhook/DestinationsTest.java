package io.shopscore.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shopscore.problem.ProblemException;

class DestinationsTest {

    @Test
    void addressesInsidePrivateNetworksAreRefused() throws UnknownHostException {
        for (String address : new String[] { "127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "::1", "fd00::1", "fe80::1", "224.0.0.1" }) {
            assertTrue(Destinations.isPrivate(InetAddress.getByName(address)), address);
        }
        for (String address : new String[] { "8.8.8.8", "93.184.216.34", "172.32.0.1", "2001:4860:4860::8888" }) {
            assertFalse(Destinations.isPrivate(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void reservedRangesAndIpv6FormsCarryingABlockedIpv4AreRefused() throws UnknownHostException {
        for (String address : new String[] {
                "0.1.2.3",                  // 0.0.0.0/8: "this network", reaches the host itself on Linux
                "100.127.255.254",          // 100.64.0.0/10: shared address space (carrier-grade NAT)
                "198.18.0.1", "198.19.255.255", // 198.18.0.0/15: benchmarking
                "240.0.0.1", "255.255.255.255", // 240.0.0.0/4: reserved, and broadcast
                "64:ff9b::a9fe:a9fe",       // NAT64 of 169.254.169.254
                "64:ff9b::808:808",         // NAT64 of anything: the gateway could be inside
                "2002:7f00:1::",            // 6to4 of 127.0.0.1
                "2002:808:808::1",          // 6to4 of anything
                "::127.0.0.1", "::10.0.0.1", "::8.8.8.8", // IPv4-compatible IPv6 (deprecated, never a real receiver)
                "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:100.64.0.1", "::ffff:198.18.0.1", // IPv4-mapped
                "::", "fec0::1" }) {
            assertTrue(Destinations.isPrivate(InetAddress.getByName(address)), address);
        }
        for (String address : new String[] { "100.128.0.1", "198.20.0.1", "223.255.255.254", "1.0.0.1", "::ffff:8.8.8.8",
                "2001:db9::1", "64:ff9c::1" }) {
            assertFalse(Destinations.isPrivate(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void aHostIsResolvedOnceAndEveryAddressChecked() {
        assertEquals(List.of("93.184.216.34"), Destinations.resolve(URI.create("https://93.184.216.34/hook"), false).stream()
                .map(InetAddress::getHostAddress).toList());
        assertThrows(ProblemException.class, () -> Destinations.resolve(URI.create("https://localhost/hook"), false));
        assertThrows(ProblemException.class, () -> Destinations.resolve(URI.create("https://[::ffff:10.0.0.1]/hook"), false));
        assertThrows(ProblemException.class, () -> Destinations.resolve(URI.create("https://no-such-host.invalid/hook"), false));
        assertTrue(Destinations.resolve(URI.create("http://localhost:8080/hook"), true).stream().allMatch(InetAddress::isLoopbackAddress));
    }

    @Test
    void onlyHttpsToPublicHostsUnlessPrivateNetworksAreAllowed() {
        ProblemException plainHttp = assertThrows(ProblemException.class, () -> Destinations.check("http://93.184.216.34/hook", false));
        assertEquals("url", plainHttp.problem().violations().get(0).field());
        assertThrows(ProblemException.class, () -> Destinations.check("https://127.0.0.1/hook", false));
        assertThrows(ProblemException.class, () -> Destinations.check("https://169.254.169.254/latest/meta-data", false));
        assertThrows(ProblemException.class, () -> Destinations.check("https://[::1]/hook", false));
        assertDoesNotThrow(() -> Destinations.check("https://93.184.216.34/hook", false));
        assertDoesNotThrow(() -> Destinations.check("http://127.0.0.1:8080/hook", true));
    }
}
