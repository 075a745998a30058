package io.shopscore.insight.classify;

import static io.shopscore.insight.classify.Topic.CUSTOMER_SERVICE;
import static io.shopscore.insight.classify.Topic.DELIVERY;
import static io.shopscore.insight.classify.Topic.FOLLOW_UP;
import static io.shopscore.insight.classify.Topic.PRICE;
import static io.shopscore.insight.classify.Topic.PRODUCT;
import static io.shopscore.insight.classify.Topic.REFUND_RETURN;
import static io.shopscore.insight.classify.Topic.STOCK;
import static io.shopscore.insight.classify.Topic.WEBSITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the classifier promises, one behaviour per test. The sentences are written for these tests;
 * none is taken from the evaluation sets.
 */
class ReviewClassifierTest {

    private static final ReviewClassifier CLASSIFIER = new ReviewClassifier();

    private static Set<Topic> topics(String text, int grade) {
        return CLASSIFIER.classify(null, text, grade).topics();
    }

    private static boolean churn(String text, int grade) {
        return CLASSIFIER.classify(null, text, grade).churnIntent();
    }

    private static void assertTopics(String text, int grade, Topic... expected) {
        Set<Topic> wanted = expected.length == 0 ? EnumSet.noneOf(Topic.class) : EnumSet.of(expected[0], expected);
        assertEquals(wanted, topics(text, grade), () -> text + "\n" + String.join("\n",
                CLASSIFIER.explain(null, text, grade).stream().map(Evidence::toString).toList()));
    }

    @Nested
    class PraiseAndNegation {

        // mid grades: above 7 nothing is tagged anyway, at 5 or lower weak evidence joins in
        @Test
        void praiseOfATopicTagsNothing() {
            assertTopics("De klantenservice nam meteen op en hielp me heel vriendelijk verder.", 6);
            assertTopics("Levering was snel en alles zat er netjes in.", 6);
            assertTopics("Delivery was fine and the support team answered within the hour.", 6);
        }

        @Test
        void negatedComplaintTagsNothing() {
            assertTopics("Geen enkel probleem met de bezorging, niet te laat en niks kapot.", 6);
            assertTopics("No complaints about the delivery, nothing was broken.", 6);
        }

        @Test
        void negatedPraiseIsAComplaint() {
            assertTopics("Mijn bestelling is niet op tijd geleverd.", 4, DELIVERY);
            assertTopics("Ze hebben me op geen enkele manier geholpen.", 3, CUSTOMER_SERVICE);
            assertTopics("Not once did they reply to my emails.", 2, CUSTOMER_SERVICE);
        }

        @Test
        void aNegationDoesNotReachPastMaarOrAComma() {
            assertTopics("Niet de goedkoopste winkel, maar de levering duurde drie weken.", 4, DELIVERY);
            assertTopics("Het pakket was niet beschadigd, maar de kwaliteit van de stof is slecht.", 5, PRODUCT);
        }

        @Test
        void neverSoFastIsPraise() {
            assertTopics("Nog nooit zo snel een antwoord gekregen van een webshop!", 6);
        }
    }

    @Nested
    class Grades {

        @Test
        void aSatisfiedCustomersRemarkIsNoComplaint() {
            String remark = "Kleine vertraging bij de koerier, verder alles top.";
            assertTopics(remark, 9);
            assertTopics(remark, 4, DELIVERY);
        }

        @Test
        void aTopicNamedWithDiscontentInALowGradeIsWeakEvidence() {
            // the lexicon lines alone, without the trained model, to see the weak layer at work
            ReviewClassifier rules = new ReviewClassifier(Lexicon.load());
            String text = "De klantenservice heeft mijn vraag helaas doorgestuurd.";
            assertEquals(Set.of(CUSTOMER_SERVICE), rules.classify(null, text, 3).topics());
            assertEquals(Set.of(), rules.classify(null, text, 6).topics());
            assertTrue(rules.explain(null, text, 3).stream().anyMatch(e -> e.counts() && e.reason().startsWith("weak evidence")));
        }

        @Test
        void aTopicNamedAsAPlaceIsNoEvidence() {
            assertTopics("Volgens de site was het op voorraad, maar het bleek uitverkocht. Helaas.", 2, STOCK);
        }

        @Test
        void praiseInTheSameClauseBlocksWeakEvidence() {
            assertTopics("De levering was snel, maar helaas werkt het apparaat niet.", 2, PRODUCT);
        }
    }

    @Nested
    class Sarcasm {

        @Test
        void sarcasticPraiseStillTagsTheComplaint() {
            assertTopics("Fantastisch hoor, alweer twee weken wachten op mijn pakket.", 2, DELIVERY);
            assertTopics("Great, another week of waiting for my parcel.", 2, DELIVERY);
        }

        @Test
        void aSarcasmMarkerTurnsPraiseIntoAComplaint() {
            assertTopics("Super snel geleverd, echt een feestje. Na een maand.", 2, DELIVERY);
        }
    }

    @Nested
    class DutchVariants {

        @Test
        void flemishWordsAreUnderstood() {
            assertTopics("Mijn pakje is na tien dagen nog altijd niet toegekomen.", 2, DELIVERY);
            assertTopics("De klantendienst antwoordt nooit op mijn mails.", 2, CUSTOMER_SERVICE);
            assertTopics("Na een maand nog altijd geen terugbetaling.", 2, REFUND_RETURN);
            assertTopics("De leveringstermijn werd twee keer opgeschoven.", 4, DELIVERY);
        }

        @Test
        void typosAndMissingAccentsAreTolerated() {
            assertTopics("levring duurde vreselijk lang", 3, DELIVERY);
            assertTopics("klantenservis reageert nooit", 2, CUSTOMER_SERVICE);
            assertTopics("nooit geinformeerd over mijn bestelling", 3, FOLLOW_UP);
            assertTopics("NOOOOIT ONTVANGEN!!!", 1, DELIVERY);
        }

        @Test
        void informalChatStyleIsUnderstood() {
            assertTopics("ff melden: app loopt steeds vast bij betalen, echt irritant", 3, WEBSITE);
        }
    }

    @Nested
    class English {

        @Test
        void englishComplaintsAreTagged() {
            assertTopics("The parcel went missing and the courier refuses to look into it.", 2, DELIVERY);
            assertTopics("They cancelled my order because it was out of stock after I had paid.", 3, STOCK);
            assertTopics("The zip broke on the second day, really poor quality.", 3, PRODUCT);
            assertTopics("Still waiting for my refund six weeks after they received the return.", 2, REFUND_RETURN);
            assertTopics("Way too expensive, and shipping costs are ridiculous.", 4, PRICE);
            assertTopics("The checkout keeps crashing when I try to pay.", 3, WEBSITE);
            assertTopics("They promised to call me back and never did.", 2, FOLLOW_UP);
        }

        @Test
        void englishOnADutchFormIsUnderstoodWithoutALanguageHint() {
            assertTopics("Pakket kwam netjes aan. But customer service is a joke, nobody answers the phone.", 4, CUSTOMER_SERVICE);
        }

        @Test
        void contractionsWithoutApostropheAreSpelledOut() {
            assertTopics("parcel didnt arrive and support doesnt answer", 1, DELIVERY, CUSTOMER_SERVICE);
        }
    }

    @Nested
    class Churn {

        @Test
        void sayingGoodbyeIsChurn() {
            assertTrue(churn("Hier bestel ik nooit meer iets.", 1));
            assertTrue(churn("De eerste en de laatste keer bij deze winkel.", 2));
            assertTrue(churn("Voortaan bestel ik ergens anders.", 2));
            assertTrue(churn("Never ordering from them again.", 1));
            assertTrue(churn("Lost a customer, I'll take my business elsewhere.", 2));
        }

        @Test
        void neverHeardAnythingAgainIsFollowUpNotChurn() {
            Classification result = CLASSIFIER.classify(null, "Klacht ingediend en daarna nooit meer iets van gehoord.", 2);
            assertFalse(result.churnIntent());
            assertEquals(Set.of(FOLLOW_UP), result.topics());
        }

        @Test
        void neverAgainAProblemIsNotChurn() {
            assertFalse(churn("Sinds ze verhuisd zijn heb ik nooit meer problemen gehad.", 9));
            assertFalse(churn("Ik bestel hier zeker nog eens.", 9));
        }

        @Test
        void aConditionalThreatIsNotChurn() {
            assertFalse(churn("Als dit nog een keer gebeurt, bestel ik nooit meer bij jullie.", 4));
            assertFalse(churn("If this happens again I'll shop elsewhere.", 4));
        }

        @Test
        void aHighGradeNeverMeansChurn() {
            assertFalse(churn("Ik ga hier nooit meer weg, alles perfect.", 10));
            assertFalse(churn("Never again will I buy my coffee at the supermarket, this is so much better.", 9));
        }
    }

    @Nested
    class Robustness {

        @Test
        void nullAndEmptyInputTagNothing() {
            assertEquals(Classification.NOTHING, CLASSIFIER.classify(null, null, 5));
            assertEquals(Classification.NOTHING, CLASSIFIER.classify("", "", 5));
            assertEquals(Classification.NOTHING, CLASSIFIER.classify("   ", "\n\t", 0));
            assertEquals(Classification.NOTHING, CLASSIFIER.classify(null, "!!! ... ??? 123", -7));
        }

        @Test
        void theTitleCounts() {
            assertEquals(Set.of(DELIVERY), CLASSIFIER.classify("Nooit ontvangen", null, 1).topics());
            assertTrue(CLASSIFIER.classify("Nooit meer!", "Pakket kwam twee weken te laat.", 1).churnIntent());
        }

        @Test
        void oddUnicodeNeverThrows() {
            String odd = "\uD83D\uDE21\uD83D\uDCE6 p\u0061\u0301kket \u200B\u200Dnooit\uFEFF ontvangen \uD800 \u0000 \u202E\u05D0\u05D1 "
                    + "\u0130stanbul \u00DF \u1E9E \uDBFF\uDFFF";
            assertEquals(Set.of(DELIVERY), topics(odd, 1));
        }

        @Test
        void hugeInputIsReadUpToTheCapWithoutTrouble() {
            String huge = "Pakket nooit ontvangen. " + "bla ".repeat(2_000_000);
            assertEquals(Set.of(DELIVERY), topics(huge, 1));
            String noSpaces = "x".repeat(1_000_000);
            assertEquals(Classification.NOTHING, CLASSIFIER.classify(noSpaces, noSpaces, 3));
        }

        @Test
        void resultsAreDeterministicAndThreadSafe() throws Exception {
            List<String> reviews = List.of(longReview(), "Pakket nooit ontvangen, nooit meer!", "The app keeps crashing.",
                    "Klantendienst onbereikbaar en terugbetaling geweigerd.");
            List<Classification> expected = reviews.stream().map(r -> CLASSIFIER.classify(null, r, 2)).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        ReviewClassifier own = new ReviewClassifier();
                        for (int i = 0; i < 200; i++) {
                            for (int r = 0; r < reviews.size(); r++) {
                                ReviewClassifier used = i % 2 == 0 ? CLASSIFIER : own;
                                if (!used.classify(null, reviews.get(r), 2).equals(expected.get(r))) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> future : futures) {
                    assertTrue(future.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private static String longReview() {
            StringBuilder text = new StringBuilder();
            String[] sentences = {
                "Ik had een nieuwe stofzuiger besteld en die zou dinsdag geleverd worden, maar het werd vrijdag. ",
                "De bezorger belde niet aan en zette de doos gewoon in de regen voor de deur. ",
                "Toen ik de klantenservice belde, stond ik drie kwartier in de wacht en niemand kon me helpen. ",
                "The product itself is okay-ish, but the cord is much shorter than described on the website. ",
                "Ze beloofden me terug te bellen over de vergoeding, maar ik heb niks meer gehoord. ",
            };
            for (int i = 0; text.length() < 5_000; i++) {
                text.append(sentences[i % sentences.length]);
            }
            return text.toString();
        }
    }

    @Nested
    class PublicApi {

        @Test
        void classificationTopicsAreOrderedAndUnmodifiable() {
            Classification result = new Classification(new LinkedHashSet<>(List.of(WEBSITE, DELIVERY)), true);
            assertEquals(List.of(DELIVERY, WEBSITE), List.copyOf(result.topics()));
            assertThrows(UnsupportedOperationException.class, () -> result.topics().add(PRICE));
            assertEquals(Set.of(), new Classification(null, false).topics());
        }

        @Test
        void topicsSerialiseAsTheirCodes() throws Exception {
            String json = new ObjectMapper().writeValueAsString(new Classification(Set.of(REFUND_RETURN, FOLLOW_UP), false));
            assertEquals("{\"topics\":[\"refund_return\",\"follow_up\"],\"churnIntent\":false}", json);
            assertEquals(CUSTOMER_SERVICE, Topic.fromCode("customer_service").orElseThrow());
        }

        @Test
        void explainNamesTheLexiconLineThatDecided() {
            List<Evidence> evidence = CLASSIFIER.explain(null, "Het pakket is nooit aangekomen.", 2);
            assertTrue(evidence.stream().anyMatch(e -> e.counts() && e.label().equals("delivery") && e.rule().startsWith("insights/lexicon-nl.txt:")),
                    evidence::toString);
        }

        @Test
        void theRulesHaveAVersion() {
            assertFalse(ReviewClassifier.VERSION.isBlank());
        }
    }
}
