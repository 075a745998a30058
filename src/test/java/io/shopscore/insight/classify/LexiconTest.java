package io.shopscore.insight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lexicon file format, on small lexicons written for these tests. */
class LexiconTest {

    private static ReviewClassifier classifier(String lexicon) {
        return new ReviewClassifier(Lexicon.parse(Map.of("test.txt", lexicon)));
    }

    private static Set<Topic> topics(ReviewClassifier classifier, String text) {
        return classifier.classify(null, text, 6).topics();
    }

    @Test
    void groupsPhraseListsGapsAndAlternativesMatch() {
        ReviewClassifier classifier = classifier("""
                [words]
                @pakket = pakket pakje
                [phrases kwijt]
                kwijt
                zoek geraakt
                [negation words]
                niet
                [delivery]
                @pakket ... {kwijt}
                bezorg*/koerier .. te laat
                """);
        assertEquals(Set.of(Topic.DELIVERY), topics(classifier, "Mijn pakje is helaas zoek geraakt."));
        assertEquals(Set.of(Topic.DELIVERY), topics(classifier, "De bezorging was echt te laat."));
        assertEquals(Set.of(), topics(classifier, "Het pakket is niet kwijt."));
        assertEquals(Set.of(), topics(classifier, "De bezorging was gisteren eigenlijk echt te laat."));
    }

    @Test
    void unlessAndWithBothApplyToALine() {
        ReviewClassifier classifier = classifier("""
                [refund_return]
                geweigerd (with: retour*) (unless: kaart)
                """);
        assertEquals(Set.of(Topic.REFUND_RETURN), topics(classifier, "Mijn retour werd geweigerd."));
        assertEquals(Set.of(), topics(classifier, "Mijn betaling werd geweigerd."));
        assertEquals(Set.of(), topics(classifier, "Retour betaald met een kaart die geweigerd werd."));
    }

    @Test
    void partsJoinedWithPlusMustAllOccur() {
        ReviewClassifier classifier = classifier("""
                [follow_up]
                zouden ... bellen + nooit
                """);
        assertEquals(Set.of(Topic.FOLLOW_UP), topics(classifier, "Ze zouden me bellen. Dat is nooit gebeurd."));
        assertEquals(Set.of(), topics(classifier, "Ze zouden me bellen."));
    }

    @Test
    void mistakesNameTheFileAndLine() {
        IllegalStateException unknownSection = assertThrows(IllegalStateException.class,
                () -> Lexicon.parse(Map.of("x.txt", "# comment\n[deliveries]\nte laat\n")));
        assertTrue(unknownSection.getMessage().startsWith("x.txt:2:"), unknownSection.getMessage());

        IllegalStateException unknownGroup = assertThrows(IllegalStateException.class,
                () -> Lexicon.parse(Map.of("x.txt", "[delivery]\n@nergens ... kwijt\n")));
        assertTrue(unknownGroup.getMessage().contains("unknown group @nergens"), unknownGroup.getMessage());

        IllegalStateException strayBracket = assertThrows(IllegalStateException.class,
                () -> Lexicon.parse(Map.of("x.txt", "[delivery]\nte laat (soms)\n")));
        assertTrue(strayBracket.getMessage().startsWith("x.txt:2:"), strayBracket.getMessage());

        IllegalStateException twoWordsInAGroup = assertThrows(IllegalStateException.class,
                () -> Lexicon.parse(Map.of("x.txt", "[words]\n@mail = e-mail\n")));
        assertTrue(twoWordsInAGroup.getMessage().contains("exactly one word"), twoWordsInAGroup.getMessage());
    }

    @Test
    void theShippedLexiconsLoad() {
        Lexicon lexicon = Lexicon.load();
        assertTrue(lexicon.rules().size() > 1_000, "rules: " + lexicon.rules().size());
        assertTrue(lexicon.isNegationWord("niet") && lexicon.isNegationWord("never"));
    }
}
