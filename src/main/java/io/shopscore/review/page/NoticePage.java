package io.shopscore.review.page;

import java.util.List;
import java.util.Set;

import io.shopscore.score.Grade;
import io.shopscore.web.LanguageLink;

/** The form to report a review (DSA article 16), with the review it is about and what was typed. */
public record NoticePage(
        String lang,
        List<LanguageLink> languages,
        String shopName,
        String shopPageUrl,
        String formAction,
        QuotedReview review,
        List<Reason> reasons,
        FormValues form,
        Set<String> errors) {

    /** The review being reported, as the shop's page shows it. */
    public record QuotedReview(int score, String title, String text, String author, String date) {

        public String band() {
            return Grade.Band.of(score).css();
        }
    }

    /** One choice of what is wrong, its code and its words. */
    public record Reason(String code, String label) {
    }

    /** What the form's fields hold. */
    public record FormValues(String reason, String explanation, String email) {

        public FormValues {
            reason = reason == null ? "" : reason;
            explanation = explanation == null ? "" : explanation;
            email = email == null ? "" : email;
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.contains(field);
    }
}
