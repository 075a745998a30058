package io.shopscore.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;

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
