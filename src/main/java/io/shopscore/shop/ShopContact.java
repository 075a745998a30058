package io.shopscore.shop;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The operator's choice of a shop's contact address: the only way to give a shop its first member,
 * or a new one when its contact person left, since the shop's key may not change it.
 */
@Schema(name = "ShopContact")
public record ShopContact(
        @Schema(description = "Where Shopscore reports negative reviews at once; this address is also a member who may sign in to the "
                + "shop's dashboard by a mailed link and manage its keys and colleagues. Null or blank for none.",
                examples = "service@demo.example", nullable = true)
        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address") String contactEmail) {

    /** Blank means none, as null does; read before validation, so blank is never refused as a bad address. */
    public ShopContact {
        contactEmail = contactEmail == null || contactEmail.isBlank() ? null : contactEmail;
    }
}
