package io.shopscore.score;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed, as api-v1.1 defines it. */
@Schema(name = "ScoreChanges")
public record ScoreChanges(
        @Schema(description = "Each shop whose score changed after the cursor, at most once, oldest change first, with its current score")
        List<ScoreView> items,
        @Schema(description = "The cursor to ask with next time (also when items is empty)", examples = "1234.bXlfc2lnbmF0dXJlX2hlcmU")
        String next) {
}
