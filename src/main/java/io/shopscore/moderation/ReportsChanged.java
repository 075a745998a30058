package io.shopscore.moderation;

/**
 * A shop's reports were opened or closed. Fired inside the transaction that did it; public figures
 * derived from reports follow after the commit ({@code during = AFTER_SUCCESS}).
 */
public record ReportsChanged(long shopId, String shopSlug) {
}
