package io.shopscore.review;

import java.time.Instant;

/**
 * One review as the shop brings it over from another service (a row of its import file), already
 * checked. Holds the texts as they will be stored, so that their lengths are checked after
 * normalising, as for {@link ReviewSubmission}. {@code respondedAt} is set exactly when there is a
 * {@code response}.
 */
public record ImportedReview(Instant writtenAt, int score, String title, String text, String displayName, Boolean recommend,
        String response, Instant respondedAt) {

    public ImportedReview {
        title = CustomerText.singleLine(title);
        text = CustomerText.multiLine(text);
        displayName = CustomerText.singleLine(displayName);
        response = CustomerText.multiLine(response);
        if (response != null && response.isEmpty()) {
            response = null;
        }
        if (response == null) {
            respondedAt = null;
        }
    }
}
