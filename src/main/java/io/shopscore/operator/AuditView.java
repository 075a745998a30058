package io.shopscore.operator;

import java.util.List;

/** The console's audit trail, newest first. */
public record AuditView(List<Line> lines, int page, boolean hasPrevious, boolean hasNext) {

    /**
     * Who did what, when, to which shop or review, and why; or, for a change of a contact address,
     * what it was and what it became (the change, shown as it is rather than as a reason).
     */
    public record Line(String at, String operator, String action, String shop, Long reviewId, String reason, String change) {
    }
}
