package io.shopscore.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to an address chosen beforehand, within one time budget for everything.
 *
 * <p>Why not {@code java.net.http.HttpClient}: it resolves the host name itself when it connects
 * (a second lookup that DNS rebinding can answer with a private address), it does not let the
 * caller set {@code Host} to connect to an IP literal instead, and its timeout ends when the
 * response headers arrive, so a receiver that drips its body holds the call for ever. Here the
 * socket connects to the checked address, {@code Host}, SNI and the certificate check use the
 * URL's host name, and a watchdog closes the socket when the budget is spent, whatever the call
 * is waiting for (connect, TLS handshake, writing, reading headers or body), so the exchange is
 * really abandoned. Redirects are never followed: only the status counts.
 */
final class PinnedPost {

    /** A response body is read (and thrown away) up to this much; the status is all that counts. */
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_HEADERS = 64 * 1024;

    private PinnedPost() {
    }

    /** The budget was spent before the whole answer arrived. */
    static final class TimedOut extends IOException {
        TimedOut(Duration budget) {
            super("no complete answer within " + budget.toMillis() + " ms");
        }
    }

    /**
     * POSTs the body to the URL's path on {@code address}, and returns the status of the answer once
     * it has been read completely.
     *
     * @throws TimedOut when connecting, sending and reading the answer took longer than {@code budget}
     */
    static int post(URI url, InetAddress address, Map<String, String> headers, byte[] body, Duration budget, SSLSocketFactory tls,
            ScheduledExecutorService watchdog) throws IOException {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        long deadline = System.nanoTime() + budget.toNanos();
        Socket raw = new Socket();
        ScheduledFuture<?> guard = watchdog.schedule(() -> closeQuietly(raw), budget.toNanos(), TimeUnit.NANOSECONDS);
        try {
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget.toMillis()));
            raw.connect(new InetSocketAddress(address, port), millis);
            raw.setSoTimeout(millis);
            Socket socket = https ? secure(raw, tls, host, port) : raw;
            send(socket.getOutputStream(), url, headers, body);
            return readAnswer(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException | RuntimeException e) {
            if (System.nanoTime() - deadline >= 0) {
                throw new TimedOut(budget);
            }
            throw e;
        } finally {
            guard.cancel(false);
            closeQuietly(raw);
        }
    }

    private static Socket secure(Socket raw, SSLSocketFactory tls, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(raw, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        // The certificate must be valid for the URL's host name, not for the address we connect to.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static void send(OutputStream out, URI url, Map<String, String> headers, byte[] body) throws IOException {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        StringBuilder head = new StringBuilder("POST ").append(path).append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ").append(url.getHost()).append(url.getPort() == -1 ? "" : ":" + url.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static int readAnswer(InputStream in) throws IOException {
        int[] budget = { MAX_HEADERS };
        while (true) {
            String statusLine = line(in, budget);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x answer");
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("no status code in the answer");
            }
            long length = -1;
            boolean chunked = false;
            for (String header = line(in, budget); !header.isEmpty(); header = line(in, budget)) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("an invalid Content-Length");
                    }
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                }
            }
            if (status >= 100 && status < 200) {
                continue; // an interim answer (100 Continue): the real one follows
            }
            if (status != 204 && status != 304) {
                readBody(in, chunked, length, budget);
            }
            return status;
        }
    }

    private static void readBody(InputStream in, boolean chunked, long length, int[] headerBudget) throws IOException {
        long[] left = { MAX_BODY };
        if (chunked) {
            while (true) {
                String size = line(in, headerBudget);
                int extension = size.indexOf(';');
                long chunk;
                try {
                    chunk = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("an invalid chunk size");
                }
                if (chunk == 0) {
                    while (!line(in, headerBudget).isEmpty()) {
                        // trailers
                    }
                    return;
                }
                if (!skip(in, chunk, left)) {
                    return;
                }
                line(in, headerBudget);
            }
        } else if (length >= 0) {
            if (skip(in, length, left) || left[0] == 0) {
                return;
            }
            throw new IOException("the answer ended before its Content-Length");
        } else {
            skip(in, Long.MAX_VALUE, left);
        }
    }

    /** Skips n bytes; false when the limit was reached first (the rest is not read) or the stream ended. */
    private static boolean skip(InputStream in, long n, long[] left) throws IOException {
        byte[] buffer = new byte[8192];
        long remaining = n;
        while (remaining > 0 && left[0] > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(remaining, left[0])));
            if (read < 0) {
                return false;
            }
            remaining -= read;
            left[0] -= read;
        }
        return remaining == 0;
    }

    private static String line(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the answer ended early");
            }
            if (--budget[0] < 0) {
                throw new IOException("the answer's headers are too long");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }
}
