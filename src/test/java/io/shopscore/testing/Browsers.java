package io.shopscore.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * One headless Chromium for all browser tests of a run, started on first use. It is the system's
 * Chromium ({@code /usr/bin/chromium}, or {@code CHROMIUM_PATH}), because Playwright's own browser
 * download is not reachable from here; .ci/run installs Debian's package when it is missing.
 */
public final class Browsers {

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    public static synchronized Browser chromium() {
        if (browser == null) {
            Path executable = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("Browser tests need Chromium at " + executable
                        + ": install it (apt-get install -y chromium), set CHROMIUM_PATH, or run .ci/run, which installs it.");
            }
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }
}
