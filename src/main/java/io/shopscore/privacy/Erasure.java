package io.shopscore.privacy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an erasure did. */
@Schema(name = "Erasure")
public record Erasure(
        @Schema(description = "Reviews withdrawn now (their scores moved out)", examples = "1") int reviews,
        @Schema(description = "Invitations to the address, on every shop, now without personal data", examples = "2") int invitations) {
}
