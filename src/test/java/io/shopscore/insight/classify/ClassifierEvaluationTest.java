package io.shopscore.insight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scores the classifier on the labelled evaluation sets and prints a Markdown table per split.
 * Neither split is ever trained on: the model learns from {@link TopicModelTrainer#TRAINING_SETS}
 * only, and {@link #noEvaluatedReviewIsATrainingReview} keeps it so.
 *
 * <p>The dev split is for building and tuning the lexicon rules, so it scores higher than new
 * reviews would. The holdout split is only ever scored in aggregate: this class never prints its
 * rows or its errors, so that its figures stay an honest estimate of how the classifier does on
 * reviews nobody tuned it on. Set {@code -Dinsights.showDevErrors=true} to list the dev split's
 * misclassified rows.
 */
class ClassifierEvaluationTest {

    static final String DEV = "/insights/evaluation-dev.tsv";
    static final String HOLDOUT = "/insights/evaluation-holdout.tsv";
    static final String HEADER = "lang\tgrade\ttopics\tchurn\ttext";
    static final String CHURN = "churn";

    static final double HOLDOUT_MIN_MACRO_F1 = 0.80;
    /** Guards the dev split against regressions; the rules were tuned on it, so it scores higher. */
    static final double DEV_MIN_MACRO_F1 = 0.85;

    private final ReviewClassifier classifier = new ReviewClassifier();

    record Example(String lang, int grade, Set<Topic> topics, boolean churn, String text) {
    }

    @Test
    void noEvaluatedReviewIsATrainingReview() throws IOException {
        Set<String> training = new HashSet<>();
        for (String resource : TopicModelTrainer.TRAINING_SETS) {
            training.addAll(normalisedTexts("/" + resource));
        }
        for (String evaluation : List.of(DEV, HOLDOUT)) {
            Set<String> overlap = new HashSet<>(normalisedTexts(evaluation));
            overlap.retainAll(training);
            assertEquals(Set.of(), overlap, evaluation + " shares reviews with the training set");
        }
    }

    /** The texts of a labelled set, lower case with runs of white space as one space: a copy with other spacing is still a copy. */
    private static Set<String> normalisedTexts(String resource) throws IOException {
        Set<String> texts = new HashSet<>();
        try (InputStream in = ClassifierEvaluationTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing from the test classpath");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                String text = lines[i].substring(lines[i].lastIndexOf('\t') + 1);
                texts.add(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
            }
        }
        return texts;
    }

    @Test
    void devSplit() throws IOException {
        List<Example> examples = read(DEV);
        Metrics metrics = evaluate(examples);
        System.out.println("\n### Dev split (" + examples.size() + " reviews), classifier version " + ReviewClassifier.VERSION
                + "\n\n" + metrics.markdownTable());
        if (Boolean.getBoolean("insights.showDevErrors")) {
            printErrors(examples);
        }
        assertTrue(metrics.macroF1() >= DEV_MIN_MACRO_F1, "dev macro-F1 " + metrics.macroF1() + " < " + DEV_MIN_MACRO_F1);
    }

    @Test
    void holdoutSplit() throws IOException {
        List<Example> examples = read(HOLDOUT);
        Metrics metrics = evaluate(examples);
        System.out.println("\n### Holdout split (" + examples.size() + " reviews), classifier version " + ReviewClassifier.VERSION
                + "\n\n" + metrics.markdownTable());
        assertTrue(metrics.macroF1() >= HOLDOUT_MIN_MACRO_F1,
                "holdout macro-F1 " + metrics.macroF1() + " < " + HOLDOUT_MIN_MACRO_F1);
    }

    static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            labels.add(topic.code());
        }
        labels.add(CHURN);
        return labels;
    }

    private Metrics evaluate(List<Example> examples) {
        Metrics metrics = new Metrics(labels());
        for (Example example : examples) {
            Classification result = classifier.classify(null, example.text(), example.grade());
            for (Topic topic : Topic.values()) {
                metrics.record(topic.code(), example.topics().contains(topic), result.topics().contains(topic));
            }
            metrics.record(CHURN, example.churn(), result.churnIntent());
        }
        return metrics;
    }

    /** Dev split only: the rows the classifier got wrong, with the evidence it used. */
    private void printErrors(List<Example> examples) {
        StringBuilder report = new StringBuilder("\n### Dev split errors\n");
        for (Example example : examples) {
            Classification result = classifier.classify(null, example.text(), example.grade());
            if (!result.topics().equals(example.topics()) || result.churnIntent() != example.churn()) {
                report.append("\n").append(example.grade()).append(" | ").append(example.text())
                        .append("\n  expected ").append(codes(example.topics())).append(example.churn() ? " churn" : "")
                        .append("\n  got      ").append(codes(result.topics())).append(result.churnIntent() ? " churn" : "")
                        .append("\n");
                for (Evidence evidence : classifier.explain(null, example.text(), example.grade())) {
                    report.append("    ").append(evidence).append("\n");
                }
            }
        }
        System.out.println(report);
    }

    private static String codes(Set<Topic> topics) {
        return topics.stream().map(Topic::code).toList().toString();
    }

    static List<Example> read(String resource) throws IOException {
        try (InputStream in = ClassifierEvaluationTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing from the test classpath");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            assertEquals(HEADER, lines[0], resource + " has an unexpected header");
            List<Example> examples = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] fields = lines[i].split("\t", 5);
                assertEquals(5, fields.length, resource + " line " + (i + 1) + " does not have five columns");
                examples.add(new Example(fields[0], Integer.parseInt(fields[1].trim()), topics(fields[2].trim()),
                        fields[3].trim().equals("1"), fields[4]));
            }
            return examples;
        }
    }

    private static Set<Topic> topics(String field) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        if (field.equals("-")) {
            return topics;
        }
        for (String code : field.split(",")) {
            topics.add(Topic.fromCode(code.trim()).orElseThrow(() -> new IllegalArgumentException("unknown topic " + code)));
        }
        return topics;
    }
}
