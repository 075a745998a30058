package io.shopscore.review.transfer;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did: how many reviews it stored, or, when any row was bad, every bad row and nothing stored. */
@Schema(name = "ImportResult")
public record ImportResult(
        @Schema(description = "Reviews stored by this import: 0 when any row was rejected (a file imports whole or not at "
                + "all); rows already imported earlier, and rows of reviews that were not published, are not counted", examples = "120")
        int imported,
        @Schema(description = "Every bad row, each bad field once; empty when the file was imported") List<RejectedRow> rejected) {
}
