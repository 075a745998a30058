package io.shopscore.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Starts one {@link SmtpServer} for the whole suite and points the application's mailer at it, so
 * every test sends its mails over real SMTP. GLOBAL scope applies it to every @QuarkusTest without a
 * second application boot; it is declared on this class only, so no test needs to name it.
 */
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.GLOBAL)
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SmtpServer server;

    /** The suite's SMTP server: where a test reads the mails the application sent. */
    public static SmtpServer server() {
        SmtpServer running = server;
        if (running == null) {
            throw new IllegalStateException("The test SMTP server runs only inside @QuarkusTest classes");
        }
        return running;
    }

    @Override
    public Map<String, String> start() {
        server = SmtpServer.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.port()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
