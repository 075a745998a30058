package io.shopscore.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web server on another port, so a test page embeds the widget the way a webshop does: from
 * another origin, with its own styles, its own response headers (a Content-Security-Policy) and,
 * if it likes, a reverse proxy that serves Shopscore under its own domain.
 */
public final class ForeignSite implements AutoCloseable {

    /** What a reverse proxy passes on in each direction, as docs/widget.md's nginx and Caddy lines do. */
    private static final List<String> FORWARDED_REQUEST_HEADERS = List.of("Accept", "Accept-Encoding", "If-None-Match", "User-Agent");
    private static final List<String> FORWARDED_RESPONSE_HEADERS = List.of("Content-Type", "Content-Encoding", "ETag", "Cache-Control",
            "Vary", "Retry-After");

    private record Resource(String contentType, byte[] body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Set<String> proxied = new HashSet<>();

    public ForeignSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Publishes a page and returns its URL. */
    public String page(String path, String html) {
        return page(path, html, Map.of());
    }

    /** Publishes a page that is sent with these response headers and returns its URL. */
    public String page(String path, String html, Map<String, String> headers) {
        return resource(path, "text/html; charset=utf-8", html, headers);
    }

    /** Publishes a file of the site (a stylesheet, a script) and returns its URL. */
    public String resource(String path, String contentType, String body, Map<String, String> headers) {
        resources.put(path, new Resource(contentType, body.getBytes(StandardCharsets.UTF_8), headers));
        return origin() + path;
    }

    /**
     * Forwards every request under {@code prefix} (such as "/shopscore/") to {@code upstream} with the
     * prefix taken off: the shop's own reverse proxy in front of the service.
     */
    public synchronized void proxy(String prefix, URI upstream) {
        if (proxied.add(prefix)) {
            server.createContext(prefix, exchange -> forward(exchange, prefix, upstream));
        }
    }

    /** scheme://host:port of the site, without a slash at the end. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        Resource resource = resources.get(exchange.getRequestURI().getPath());
        if (resource == null) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), Map.of());
        } else {
            send(exchange, 200, resource.contentType(), resource.body(), resource.headers());
        }
    }

    private void forward(HttpExchange exchange, String prefix, URI upstream) throws IOException {
        String rest = exchange.getRequestURI().getRawPath().substring(prefix.length());
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(rest + (query == null ? "" : "?" + query)));
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        try {
            HttpResponse<byte[]> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            FORWARDED_RESPONSE_HEADERS.forEach(name -> response.headers().firstValue(name)
                    .ifPresent(value -> exchange.getResponseHeaders().set(name, value)));
            exchange.sendResponseHeaders(response.statusCode(), response.statusCode() == 304 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
