package io.shopscore.mail;

import java.util.Set;

import io.vertx.ext.mail.SMTPException;

/**
 * Why a mail could not be sent, in words fit for the shop's invitation list, and whether trying
 * again can help. Permanent: the mail server refused the mail with a 5xx reply (no such mailbox,
 * rejected content), or an address or header could not be written at all; retrying would fail the
 * same way for days. Temporary: a 4xx reply, a failed connection, a timeout.
 *
 * @param reason what went wrong, never naming a Java class
 * @param permanent true when no retry can succeed
 */
record SendFailure(String reason, boolean permanent) {

    /** 5xx replies about logging in to the mail server: the operator's configuration, which gets fixed. */
    private static final Set<Integer> AUTHENTICATION = Set.of(530, 534, 535, 538);

    static SendFailure of(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                boolean permanent = smtp.isPermanent() && !AUTHENTICATION.contains(smtp.getReplyCode());
                return new SendFailure("mail server replied " + smtp.getMessage().replace('\n', ' '), permanent);
            }
            if (cause instanceof IllegalArgumentException) {
                return new SendFailure(message(deepest(cause)), true);
            }
        }
        return new SendFailure(message(deepest(thrown)), false);
    }

    private static Throwable deepest(Throwable thrown) {
        Throwable deepest = thrown;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                deepest = cause;
            }
        }
        return deepest;
    }

    private static String message(Throwable cause) {
        String message = cause.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        // the mailer's timeout (quarkus.mailer.timeout) says nothing of itself
        return cause.getClass().getSimpleName().equals("TimeoutException") ? "no answer from the mail server in time" : "unknown error";
    }
}
