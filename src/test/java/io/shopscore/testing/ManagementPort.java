package io.shopscore.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the management interface (metrics) of the application under test listens: on a random
 * port ({@code %test.quarkus.management.test-port=0}), which Quarkus publishes once it is bound.
 */
public final class ManagementPort {

    private ManagementPort() {
    }

    /** The absolute URL of a path on the management interface, such as /q/metrics. */
    public static String url(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port + path;
    }
}
