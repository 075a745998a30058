package io.shopscore.dashboard;

import java.util.List;

import io.shopscore.session.SignedIn;

/**
 * What the invitations page shows: the list (filtered by state, paged), the form to invite one
 * customer and the upload of a file of orders. Texts customers wrote (names) and order references
 * are plain strings here; the template escapes them.
 */
public record InvitationsPage(String lang, SignedIn session, List<Filter> filters, String filter, String filterError, List<Row> rows,
        long total, int page, int pages, Integer previousPage, Integer nextPage, InviteForm form, String notice, String uploadError,
        List<Upload> uploads) {

    /** One choice of the state filter. */
    public record Filter(String key, String label, boolean selected) {
    }

    /** One invitation: the order reference in full, the address partly masked, its state and what the state means now. */
    public record Row(String orderRef, String email, String name, String stateKey, String stateLabel, String detail, String createdOn) {
    }

    /** The invite form as sent, with a message beside each bad field (null when it is right). */
    public record InviteForm(String orderRef, String email, String name, String language, List<Language> languages,
            String orderRefError, String emailError, String nameError, String languageError, String formError) {

        public boolean invalid() {
            return orderRefError != null || emailError != null || nameError != null || languageError != null || formError != null;
        }
    }

    public record Language(String code, String name, boolean selected) {
    }

    /** One of the shop's recent uploads. */
    public record Upload(long id, String fileName, String stateKey, String stateLabel, String createdOn) {
    }
}
