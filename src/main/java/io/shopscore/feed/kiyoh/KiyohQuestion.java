package io.shopscore.feed.kiyoh;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One answered question of a review, as KiYoh lists them; {@code rating} holds the answer as text. */
@Schema(name = "KiyohQuestion")
@JsonPropertyOrder({ "questionGroup", "questionType", "rating", "order", "questionTranslation" })
public record KiyohQuestion(
        @Schema(examples = "DEFAULT_OVERALL", enumeration = { "DEFAULT_OVERALL", "DEFAULT_ONELINER", "DEFAULT_OPINION", "DEFAULT_RECOMMEND" })
        String questionGroup,
        @Schema(examples = "INT", enumeration = { "INT", "TEXT", "BOOLEAN" }) String questionType,
        @Schema(description = "The answer as text: the grade, the title, the text, or \"true\"/\"false\"", examples = "9") String rating,
        @Schema(examples = "0") int order,
        @Schema(description = "The question in the shop's language", examples = "Uw totaal oordeel") String questionTranslation) {

    static final String OVERALL = "DEFAULT_OVERALL";
    static final String ONELINER = "DEFAULT_ONELINER";
    static final String OPINION = "DEFAULT_OPINION";
    static final String RECOMMEND = "DEFAULT_RECOMMEND";

    /** KiYoh's wording of its four standard questions, per language; English for any other. */
    private static final Map<String, Map<String, String>> TRANSLATIONS = Map.of(
            "nl", Map.of(OVERALL, "Uw totaal oordeel", ONELINER, "Beschrijf uw ervaring in een regel",
                    OPINION, "Beschrijf uw ervaring", RECOMMEND, "Zou u ons aanbevelen?"),
            "en", Map.of(OVERALL, "Your overall rating", ONELINER, "Describe your experience in one line",
                    OPINION, "Describe your experience", RECOMMEND, "Would you recommend us?"),
            "de", Map.of(OVERALL, "Ihre Gesamtbewertung", ONELINER, "Beschreiben Sie Ihre Erfahrung in einem Satz",
                    OPINION, "Beschreiben Sie Ihre Erfahrung", RECOMMEND, "Würden Sie uns weiterempfehlen?"),
            "fr", Map.of(OVERALL, "Votre note globale", ONELINER, "Décrivez votre expérience en une ligne",
                    OPINION, "Décrivez votre expérience", RECOMMEND, "Nous recommanderiez-vous ?"));

    static KiyohQuestion of(String group, String type, String answer, String language) {
        return new KiyohQuestion(group, type, answer, 0, TRANSLATIONS.getOrDefault(language, TRANSLATIONS.get("en")).get(group));
    }
}
