package io.shopscore.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The part of a client address that limits count by. An IPv4 address is one client. An IPv6
 * client usually holds a whole /64 (and can pick any address in it at will), so its first 64 bits
 * are the client.
 */
final class ClientKey {

    private ClientKey() {
    }

    static String of(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        int zone = address.indexOf('%');
        String literal = zone < 0 ? address : address.substring(0, zone);
        try {
            // An IPv6 literal is parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
