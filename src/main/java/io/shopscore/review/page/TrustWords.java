package io.shopscore.review.page;

import io.shopscore.i18n.Messages;
import io.shopscore.review.RemovalCategory;
import io.shopscore.review.ReviewSource;

/** Review sources and removal categories in the words of a page's language. */
final class TrustWords {

    private TrustWords() {
    }

    static String source(ReviewSource source, Messages messages) {
        return switch (source) {
            case INVITATION_EMAIL -> messages.sourceInvitationEmail();
            case INVITATION_LINK -> messages.sourceInvitationLink();
            case IMPORTED -> messages.sourceImported();
        };
    }

    static String category(RemovalCategory category, Messages messages) {
        return switch (category) {
            case ILLEGAL -> messages.categoryIllegal();
            case PERSONAL_DATA -> messages.categoryPersonalData();
            case NOT_A_CUSTOMER -> messages.categoryNotACustomer();
            case FAKE -> messages.categoryFake();
            case OFFENSIVE -> messages.categoryOffensive();
            case OTHER -> messages.categoryOther();
        };
    }
}
