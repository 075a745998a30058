package io.shopscore.shop;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shop's choices about the mails Shopscore sends for it. */
@Schema(name = "ShopSettings")
public record ShopSettings(
        @Schema(description = "Where Shopscore reports negative reviews (grade 5 or lower) at once; null for none",
                examples = "service@demo.example", nullable = true)
        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address") String contactEmail,
        @Schema(description = "Days between creating an invitation and mailing it (for example until the parcel arrived); "
                + "an invitation can set its own", examples = "3", minimum = "0", maximum = "60", required = true)
        @NotNull @Min(0) @Max(60) Integer invitationDelayDays,
        @Schema(description = "Days after the invitation mail to send one reminder when no review came; 0 for none, "
                + "null for the platform's default (shopscore.mail.reminder-after)", examples = "7", nullable = true)
        @Min(0) @Max(60) Integer reminderAfterDays) {

    static ShopSettings of(Shop shop) {
        return new ShopSettings(shop.contactEmail(), shop.invitationDelayDays(), shop.reminderAfterDays());
    }
}
