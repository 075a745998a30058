package io.shopscore.moderation;

/** A shop's reports over a period: all of them, and how the closed ones ended (open ones are in the total only). */
public record ReportCounts(long total, long upheld, long rejected) {
}
