package io.shopscore.insight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Guards the rules against regressions on the reviews written while building them
 * ({@code src/main/resources/insights/examples-written.tsv}: grade, topics, churn, text). Each batch
 * was scored before any rule was changed for it, which is how the gaps in the lexicons were found;
 * since then the rules have been tuned on them, so these scores are no estimate of accuracy on new
 * reviews (the holdout split of {@link ClassifierEvaluationTest} is).
 */
class WrittenExamplesTest {

    static final String RESOURCE = "/insights/examples-written.tsv";
    static final double MIN_MACRO_F1 = 0.90;

    @Test
    void theWrittenExamplesStayWellClassified() throws IOException {
        ReviewClassifier classifier = new ReviewClassifier();
        Metrics metrics = new Metrics(ClassifierEvaluationTest.labels());
        int rows = 0;
        try (InputStream in = WrittenExamplesTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is missing from the test classpath");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            assertEquals("grade\ttopics\tchurn\ttext", lines[0]);
            for (int i = 1; i < lines.length; i++) {
                String[] fields = lines[i].split("\t", 4);
                if (fields.length < 4) {
                    continue;
                }
                Set<Topic> expected = EnumSet.noneOf(Topic.class);
                if (!fields[1].equals("-")) {
                    for (String code : fields[1].split(",")) {
                        expected.add(Topic.fromCode(code).orElseThrow());
                    }
                }
                Classification result = classifier.classify(null, fields[3], Integer.parseInt(fields[0]));
                for (Topic topic : Topic.values()) {
                    metrics.record(topic.code(), expected.contains(topic), result.topics().contains(topic));
                }
                metrics.record(ClassifierEvaluationTest.CHURN, fields[2].equals("1"), result.churnIntent());
                rows++;
            }
        }
        System.out.println("\n### Written examples (" + rows + " reviews)\n\n" + metrics.markdownTable());
        assertTrue(metrics.macroF1() >= MIN_MACRO_F1, "macro-F1 " + metrics.macroF1() + " < " + MIN_MACRO_F1);
    }
}
