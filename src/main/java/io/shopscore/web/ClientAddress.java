package io.shopscore.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who is on the other end of a request, as an address. It comes from the connection, unless the
 * {@code quarkus.http.proxy.*} settings name a trusted proxy, whose {@code Forwarded} or
 * {@code X-Forwarded-For} header Vert.x then applies to the request before this reads it: a
 * client can never choose its own address by sending such a header to an instance that trusts
 * no proxy.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The client's address as text ("203.0.113.7", "2001:db8::1"), or "unknown" when there is none. */
    public static String of(HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        String host = remote.hostAddress();
        return host == null || host.isBlank() ? "unknown" : host;
    }
}
