package io.shopscore.invitation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.i18n.SupportedLocale;

/** A shop's request to invite the customer of one order. */
@Schema(name = "CreateInvitation")
public record CreateInvitation(
        @Schema(description = "The shop's own order number; a second request with it returns the first invitation", examples = "ORD-10023", required = true)
        @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String orderRef,
        @Schema(description = "Where the invitation goes", examples = "jan@example.nl", required = true)
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
        String email,
        @Schema(description = "The customer's name, offered as their display name", examples = "Jan de Vries")
        @Size(max = 100) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String name,
        @Schema(description = "Language of the review form; defaults to the shop's", examples = "nl")
        @SupportedLocale String locale,
        @Schema(description = "Days to wait before mailing the invitation; defaults to the shop's setting", examples = "3",
                minimum = "0", maximum = "60")
        @Min(0) @Max(60) Integer delayDays,
        @Schema(description = "email (default): the service mails the customer their personal link, and no answer to the shop "
                + "ever contains it. link: the answer carries the link, for a shop that hands it out itself; the review then "
                + "shows the source invitation-link.", enumeration = { "email", "link" }, defaultValue = "email")
        @Pattern(regexp = "email|link", message = "must be email or link") String delivery,
        @Schema(description = "The products of the order, at most 20, each with a distinct sku. The review form then asks a grade "
                + "for each; the shop's catalogue takes their names and details from the newest invitation that names them.",
                maxItems = MAX_PRODUCTS)
        @Valid @Size(max = MAX_PRODUCTS, message = "must list at most 20 products") List<@NotNull @Valid InvitationProduct> products) {

    static final int MAX_PRODUCTS = 20;

    public CreateInvitation(String orderRef, String email, String name, String locale) {
        this(orderRef, email, name, locale, null, null, null);
    }

    public CreateInvitation(String orderRef, String email, String name, String locale, Integer delayDays, String delivery) {
        this(orderRef, email, name, locale, delayDays, delivery, null);
    }

    /** The products, none when absent. */
    List<InvitationProduct> productsOrNone() {
        return products == null ? List.of() : products;
    }

    Invitation.Delivery deliveryOrDefault() {
        return "link".equals(delivery) ? Invitation.Delivery.LINK : Invitation.Delivery.EMAIL;
    }

    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";
}
