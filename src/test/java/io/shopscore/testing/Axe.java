package io.shopscore.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Page;

/** axe-core, the accessibility checker, run inside a page (it checks open shadow roots too). */
public final class Axe {

    private static final String SCRIPT = load();

    private Axe() {
    }

    /** The violations on the page, as "rule-id: help (n nodes: selectors)"; empty when there are none. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
        return (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '
                      + v.nodes.map(n => n.target.join(' ')).join(', ') + ')');
                }""");
    }

    private static String load() {
        String name = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe.version", "4.6.3") + "/axe.min.js";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
