package io.shopscore.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why moderation removes a review, and what a notice says is wrong with one (DSA articles 16 and
 * 17 ask for the ground of every decision). Removals are counted by category in public, so the
 * list is short and stable. JSON reads and writes the lower-case names.
 */
@Schema(name = "RemovalCategory", enumeration = { "illegal", "personal_data", "not_a_customer", "fake", "offensive", "other" })
public enum RemovalCategory {
    /** Against the law: defamation, hate speech, threats. */
    ILLEGAL,
    /** Someone's personal data: a name, an address, a phone number. */
    PERSONAL_DATA,
    /** Not written by a customer of this shop. */
    NOT_A_CUSTOMER,
    /** Fake or misleading: bought, written by the shop or a competitor, or about something else. */
    FAKE,
    /** Insulting or offensive. */
    OFFENSIVE,
    /** Anything else; also every removal made before categories existed. */
    OTHER;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }

    /** The category of a lower-case name, as a form sends it; null for anything else. */
    public static RemovalCategory ofJson(String name) {
        for (RemovalCategory category : values()) {
            if (category.json().equals(name)) {
                return category;
            }
        }
        return null;
    }
}
