package io.shopscore.review.page;

import java.util.List;
import java.util.Set;

import io.shopscore.score.Grade;
import io.shopscore.web.LanguageLink;

/**
 * Everything the personal review page shows, already formatted for its language. One page serves
 * the new review form, the written review with its edit form, and the notices after sending.
 */
public record ReviewPage(
        String lang,
        List<LanguageLink> languages,
        String token,
        String editToken,
        String shopName,
        String shopPageUrl,
        String orderRef,
        WrittenReview review,
        FormValues form,
        Set<String> errors,
        boolean editable,
        String editableUntil,
        String linkValidUntil,
        Notice notice,
        boolean held,
        String removalReason,
        boolean withdrawn) {

    /** What the page says above the review after a POST. */
    public enum Notice {
        NONE, THANKS, UPDATED, ALREADY_REVIEWED, CONFIRM_WITHDRAWAL
    }

    /** The review as its author sees it, dates formatted. */
    public record WrittenReview(int score, String title, String text, String displayName, Boolean recommend,
            String writtenOn, String updatedOn, String responseText, String respondedOn, List<GradedProduct> products) {

        public String band() {
            return Grade.Band.of(score).css();
        }
    }

    /** A product of the order as its author graded it; {@code text} may be null. */
    public record GradedProduct(String name, int score, String text) {

        public String band() {
            return Grade.Band.of(score).css();
        }
    }

    /** What the form fields hold: the customer's input, or their review when editing. */
    public record FormValues(String score, String text, String title, String recommend, String displayName,
            List<ProductField> products) {

        public FormValues {
            score = score == null ? "" : score;
            text = text == null ? "" : text;
            title = title == null ? "" : title;
            recommend = recommend == null ? "" : recommend;
            displayName = displayName == null ? "" : displayName;
            products = products == null ? List.of() : List.copyOf(products);
        }

        public boolean hasScore(int grade) {
            return Integer.toString(grade).equals(score);
        }
    }

    /** One product of the order in the form: its grade ("" for none) and words. */
    public record ProductField(String sku, String name, String score, String text) {

        public ProductField {
            score = score == null ? "" : score;
            text = text == null ? "" : text;
        }

        public boolean hasScore(int grade) {
            return Integer.toString(grade).equals(score);
        }
    }

    /** Whether the product at this place in the form has something to correct. */
    public boolean productInvalid(int index) {
        return errors.stream().anyMatch(field -> field.startsWith("products[" + index + "]"));
    }

    public boolean hasProductErrors() {
        return errors.stream().anyMatch(field -> field.startsWith("products"));
    }

    public boolean thanks() {
        return notice == Notice.THANKS;
    }

    public boolean updated() {
        return notice == Notice.UPDATED;
    }

    public boolean alreadyReviewed() {
        return notice == Notice.ALREADY_REVIEWED;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.contains(field);
    }

    public boolean confirmWithdrawal() {
        return notice == Notice.CONFIRM_WITHDRAWAL;
    }

    /** The author's own page (opened by their edit link), where the review can be changed and withdrawn. */
    public boolean authorsPage() {
        return editToken != null;
    }

    /** The form posts here: a new review through the invitation link, or a change through the edit link. */
    public String formAction() {
        return editToken == null ? "/review/" + token : "/review/edit/" + editToken;
    }

    public String withdrawAction() {
        return "/review/edit/" + editToken + "/withdraw";
    }

    /** The author's data as JSON, from the edit link. */
    public String exportUrl() {
        return "/api/v1/review-edits/" + editToken;
    }

    public boolean showForm() {
        return review == null && !withdrawn || review != null && editable;
    }

    public List<Integer> grades() {
        return List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }
}
