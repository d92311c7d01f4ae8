package org.alliancepulse.intake.therapist;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.intake.clinic.Clinic;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Roles;

@Path("/api/therapists")
public class TherapistResource {

    @Inject
    Outbox outbox;

    public record RegisterTherapist(
            @NotBlank String clinicId,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}", message = "must be the identity provider login: 2-100 letters, digits or . _ @ -") String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Email @Size(max = 320) String workEmail) {
    }

    public record TherapistView(UUID id, String clinicId, String username, String displayName, String workEmail,
            Instant registeredAt) {

        static TherapistView of(Therapist t) {
            return new TherapistView(t.id, t.clinicId, t.username, t.displayName, t.workEmail, t.registeredAt);
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Idempotent
    public Response register(@NotNull @Valid RegisterTherapist request) {
        if (Clinic.findById(request.clinicId()) == null) {
            throw ProblemException.invalid("clinicId", "no clinic with this id is registered");
        }
        if (Therapist.usernameTaken(request.username())) {
            throw ProblemException.conflict("a therapist with username " + request.username() + " is already registered");
        }
        Therapist therapist = new Therapist();
        therapist.id = UUID.randomUUID();
        therapist.clinicId = request.clinicId();
        therapist.username = request.username();
        therapist.displayName = request.displayName().strip();
        therapist.workEmail = request.workEmail().strip();
        therapist.registeredAt = Instant.now();
        therapist.persist();
        outbox.publish(new TherapistRegistered(therapist.id, therapist.clinicId, therapist.username,
                therapist.displayName, therapist.workEmail));
        return Response.status(Response.Status.CREATED).entity(TherapistView.of(therapist)).build();
    }
}
