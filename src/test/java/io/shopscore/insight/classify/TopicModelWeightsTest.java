package io.shopscore.insight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped weights file: up to date with what it is trained from, and refused at start when it
 * does not fit the classifier.
 */
class TopicModelWeightsTest {

    private static final String RETRAIN = "the committed weights are stale: retrain with ./mvnw -q test-compile exec:java"
            + " -Dexec.classpathScope=test -Dexec.mainClass=io.shopscore.insight.classify.TopicModelTrainer and commit "
            + TopicModelTrainer.OUTPUT;

    @Test
    void theCommittedWeightsWereTrainedForThisVersionTheseLexiconsAndThisTrainingSet() throws IOException {
        TopicModel.Provenance provenance = TopicModel.provenance(committed().split("\n"), TopicModel.RESOURCE);
        assertEquals(ReviewClassifier.VERSION, provenance.classifierVersion(), RETRAIN);
        assertEquals(Lexicon.load().fingerprint(), provenance.lexiconsFingerprint(), RETRAIN);
        assertEquals(TopicModelTrainer.trainingFingerprint(), provenance.trainingFingerprint(), RETRAIN);
    }

    @Test
    void retrainingWritesTheCommittedFileByteForByte() throws IOException {
        // also catches changes to the features, the tokenizer or the training itself, which no checksum of inputs sees
        assertTrue(TopicModelTrainer.weightsFile().equals(committed()), RETRAIN);
    }

    @Test
    void weightsForAnotherClassifierVersionAreRefused() throws IOException {
        String older = committed().replaceFirst("\nclassifier-version\t[^\n]*\n", "\nclassifier-version\t0\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TopicModel.read(older, "old.tsv", ReviewClassifier.VERSION, Lexicon.load()));
        assertTrue(refused.getMessage().contains("old.tsv were trained for classifier version 0"), refused.getMessage());
        assertTrue(refused.getMessage().contains("TopicModelTrainer"), refused.getMessage());
    }

    @Test
    void weightsForOtherLexiconsAreRefused() throws IOException {
        Lexicon other = Lexicon.parse(Map.of("other.txt", "[negation words]\nniet\n"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TopicModel.read(committed(), TopicModel.RESOURCE, ReviewClassifier.VERSION, other));
        assertTrue(refused.getMessage().contains("other lexicons"), refused.getMessage());
    }

    @Test
    void missingWeightsAreRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TopicModel.load("insights/no-such-weights.tsv", ReviewClassifier.VERSION, Lexicon.load()));
        assertTrue(refused.getMessage().contains("missing"), refused.getMessage());
    }

    @Test
    void aDamagedFileIsRefusedWithItsLineNumber() throws IOException {
        String damaged = committed().replaceFirst("\n(bias\t[^\t]*)\t[^\t\n]*", "\n$1\tabc");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TopicModel.read(damaged, "damaged.tsv", ReviewClassifier.VERSION, Lexicon.load()));
        assertEquals("damaged.tsv line 6: abc is not a number", refused.getMessage());
        assertThrows(IllegalStateException.class,
                () -> TopicModel.read("lexicon-nl.txt\n", "lexicon.tsv", ReviewClassifier.VERSION, Lexicon.load()));
    }

    @Test
    void theWeightsReadBackAsWritten() throws IOException {
        Lexicon lexicon = Lexicon.load();
        TopicModel model = TopicModel.read(committed(), TopicModel.RESOURCE, ReviewClassifier.VERSION, lexicon);
        StringBuilder written = new StringBuilder();
        model.write(TopicModel.provenance(committed().split("\n"), TopicModel.RESOURCE), written);
        assertEquals(committed(), written.toString());
    }

    /** The weights file as committed, with line ends as written by the trainer. */
    private static String committed() throws IOException {
        try (InputStream in = TopicModelWeightsTest.class.getClassLoader().getResourceAsStream(TopicModel.RESOURCE)) {
            assertNotNull(in, TopicModel.RESOURCE + " is missing: " + RETRAIN);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
        }
    }
}
