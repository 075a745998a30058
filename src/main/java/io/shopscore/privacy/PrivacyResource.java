package io.shopscore.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shopscore.security.Roles;

/** The operator answers a data subject's request for erasure (GDPR article 17). */
@Path("/api/v1/privacy/erasures")
@Tag(name = "Operator")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    private final PrivacyService privacy;

    public PrivacyResource(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @POST
    @Operation(operationId = "eraseEmailAddress", summary = "Erase an email address on every shop",
            description = "Every review written through an invitation to the address is withdrawn (it counts nowhere, and every "
                    + "score stays exact) and every invitation to it keeps only a keyed hash of its order reference. Names, the "
                    + "address, order references, earlier versions, mails and opt-outs of the address are erased. Idempotent.")
    @APIResponse(responseCode = "200", description = "What was erased")
    @APIResponse(responseCode = "400", description = "Not an email address")
    public Erasure erase(@Valid @NotNull EraseAddress request) {
        return privacy.erase(request.email());
    }
}
