package io.shopscore.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;

/**
 * Webhook calls connect to the address that was checked, while the receiver sees the URL's host:
 * in Host, in the TLS server name, and in the certificate it must present.
 */
class PinnedPostTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static HttpsServer server;
    private static SSLSocketFactory trusting;
    private static ScheduledExecutorService watchdog;

    @BeforeAll
    static void startHttpsReceiver(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // A certificate for hooks.shop.test only, made the way an operator would with keytool.
        Path keys = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hooks.shop.test",
                "-ext", "san=dns:hooks.shop.test", "-validity", "2", "-keystore", keys.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keys.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("receiver", store.getCertificate("receiver"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trustManagers.getTrustManagers(), null);
        trusting = clientTls.getSocketFactory();

        server = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            var names = ((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession()).getRequestedServerNames();
            seen.add(exchange.getRequestHeaders().getFirst("Host") + " " + names.stream()
                    .map(name -> ((SNIHostName) name).getAsciiName()).toList() + " " + exchange.getRequestURI());
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, 0); // chunked
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        watchdog = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        watchdog.shutdownNow();
    }

    private static int post(String url, SSLSocketFactory tls) throws IOException {
        return PinnedPost.post(URI.create(url), LOOPBACK, Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5), tls, watchdog);
    }

    @Test
    void httpsGoesToThePinnedAddressWithTheUrlsHostNameForHostSniAndCertificate() throws IOException {
        int port = server.getAddress().getPort();
        seen.clear();
        // hooks.shop.test does not resolve at all: the call can only have gone to the pinned address.
        assertEquals(202, post("https://hooks.shop.test:" + port + "/hooks/x?y=1", trusting));
        assertEquals(List.of("hooks.shop.test:" + port + " [hooks.shop.test] /hooks/x?y=1"), seen);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        int port = server.getAddress().getPort();
        assertThrows(SSLException.class, () -> post("https://other.shop.test:" + port + "/hooks/x", trusting));
        assertThrows(SSLException.class, () -> post("https://hooks.shop.test:" + port + "/hooks/x",
                (SSLSocketFactory) SSLSocketFactory.getDefault()), "and so is one the default trust store does not know");
    }

    @Test
    void aReceiverThatDripsItsAnswerIsCutOffAtTheBudget() throws Exception {
        try (var drip = new java.net.ServerSocket(0, 5, LOOPBACK)) {
            Thread dripper = new Thread(() -> {
                try (var connection = drip.accept()) {
                    OutputStream out = connection.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 60\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 60; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException e) {
                    // cut off
                }
            });
            dripper.setDaemon(true);
            dripper.start();
            long start = System.nanoTime();
            assertThrows(PinnedPost.TimedOut.class, () -> PinnedPost.post(URI.create("http://receiver.test:" + drip.getLocalPort() + "/"),
                    LOOPBACK, Map.of(), new byte[0], Duration.ofMillis(1500), trusting, watchdog));
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took >= 1400 && took < 3000, took + " ms");
        }
    }
}
