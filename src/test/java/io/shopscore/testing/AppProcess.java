package io.shopscore.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service (target/quarkus-app) started as a real process, for tests that must stop
 * it the hard way or run more than one: crash recovery, several instances on one database.
 */
public final class AppProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service in {@code workDir} (its ./data lives there) and waits until it is ready. */
    public static AppProcess start(Path workDir, Map<String, String> environment) throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Run the package phase first: " + JAR + " is missing");
        }
        int port = freePort();
        Files.createDirectories(workDir);
        Path log = workDir.resolve("app-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // the metrics port too: several instances run side by side here
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
        builder.environment().put("SHOPSCORE_ADMIN_TOKEN", Api.ADMIN_TOKEN);
        // Every request of these tests comes from 127.0.0.1, the shop's key included: without this,
        // the fraud signals would rightly hold every review as the shop's own.
        builder.environment().put("SHOPSCORE_TRUST_HOLD_RISK", "1000");
        // These tests are one client on 127.0.0.1 writing thousands of reviews: far past the per-address limits.
        builder.environment().put("SHOPSCORE_LIMITS_TOKEN_PER_MINUTE", "10000000");
        builder.environment().put("SHOPSCORE_LIMITS_API_KEY_PER_MINUTE", "10000000");
        builder.environment().put("SHOPSCORE_LIMITS_PUBLIC_PER_MINUTE", "10000000");
        builder.environment().put("SHOPSCORE_LIMITS_INVITATIONS_PER_DAY", "10000000");
        builder.environment().putAll(environment);
        AppProcess app = new AppProcess(builder.start(), port, log);
        // generous: on a shared 2-core machine under several builds a start has taken over 90 s
        app.awaitReady(Duration.ofSeconds(180));
        return app;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** What the service logged, to keep when a test fails. */
    public Path logFile() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no flush; what was acknowledged must already be on disk. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited at start-up:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service was not ready within " + timeout + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
