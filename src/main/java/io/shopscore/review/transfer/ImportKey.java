package io.shopscore.review.transfer;

import io.shopscore.keys.Digests;
import io.shopscore.review.ImportedReview;

/**
 * What makes two imported rows the same review: the instant it was written, the name it was written
 * under and its text, as they are stored (normalised). The grade, title and response are left out,
 * so a review whose grade or answer changed at the other service since the last export is still
 * recognised, and skipped, rather than shown twice. Stored as SHA-256 hex, unique per shop.
 */
final class ImportKey {

    private ImportKey() {
    }

    static String of(ImportedReview review) {
        String name = review.displayName() == null ? "" : review.displayName();
        return Digests.sha256Hex(review.writtenAt() + "\u0000" + name + "\u0000" + review.text());
    }
}
