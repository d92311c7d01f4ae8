package org.alliancepulse.intake.clinic;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.contracts.intake.ClinicRegistered;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Roles;

@Path("/api/clinics")
public class ClinicResource {

    @Inject
    Outbox outbox;

    /** @param id lower-case letters, digits and dashes, e.g. {@code north}; becomes the staff's {@code clinic_id} */
    public record RegisterClinic(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2-40 lower-case letters, digits or dashes") String id,
            @NotBlank @Size(max = 200) String name) {
    }

    public record ClinicView(String id, String name, Instant registeredAt) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Idempotent
    public Response register(@NotNull @Valid RegisterClinic request) {
        if (Clinic.findById(request.id()) != null) {
            throw ProblemException.conflict("a clinic with id " + request.id() + " is already registered");
        }
        Clinic clinic = new Clinic();
        clinic.id = request.id();
        clinic.name = request.name().strip();
        clinic.registeredAt = Instant.now();
        clinic.persist();
        outbox.publish(new ClinicRegistered(clinic.id, clinic.name));
        return Response.status(Response.Status.CREATED)
                .entity(new ClinicView(clinic.id, clinic.name, clinic.registeredAt)).build();
    }
}
