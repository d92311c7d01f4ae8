package org.alliancepulse.intake.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.ClientRegistered;
import org.alliancepulse.intake.audit.PhiAccessLog;
import org.alliancepulse.intake.clinic.Clinic;
import org.alliancepulse.intake.therapist.Therapist;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;
import org.alliancepulse.platform.security.Roles;

/** Clinic staff register their clients and assign them to a therapist of the same clinic. */
@Path("/api/clients")
public class ClientResource {

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    public record RegisterClient(
            @NotBlank String clinicId,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Past LocalDate dateOfBirth) {
    }

    public record AssignTherapist(@NotNull UUID therapistId) {
    }

    /** The full record, PHI included: only ever returned to staff of the client's clinic. */
    public record ClientView(UUID id, String clinicId, String clientCode, String ageBand, String firstName,
            String lastName, LocalDate dateOfBirth, UUID therapistId, Instant registeredAt) {

        static ClientView of(Client c) {
            return new ClientView(c.id, c.clinicId, c.clientCode, AgeBand.of(c.dateOfBirth, today()), c.firstName,
                    c.lastName, c.dateOfBirth, c.therapistId, c.registeredAt);
        }
    }

    public record AssignmentView(UUID clientId, String clientCode, UUID therapistId, Instant assignedAt) {
    }

    @POST
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    @Idempotent
    public Response register(@NotNull @Valid RegisterClient request) {
        caller.requireClinic(request.clinicId());
        if (Clinic.findById(request.clinicId()) == null) {
            throw ProblemException.invalid("clinicId", "no clinic with this id is registered");
        }
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.clinicId = request.clinicId();
        client.clientCode = uniqueCode();
        client.firstName = request.firstName().strip();
        client.lastName = request.lastName().strip();
        client.dateOfBirth = request.dateOfBirth();
        client.registeredAt = Instant.now();
        client.persist();
        PhiAccessLog.record(caller.username(), "REGISTER", client.id);
        String ageBand = AgeBand.of(client.dateOfBirth, today());
        outbox.publish(new ClientRegistered(client.id, client.clinicId, client.clientCode, ageBand));
        return Response.status(Response.Status.CREATED).entity(ClientView.of(client)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    public ClientView get(@PathParam("id") UUID id) {
        Client client = clientOfCallersClinic(id);
        PhiAccessLog.record(caller.username(), "READ", client.id);
        return ClientView.of(client);
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    @Idempotent
    public Response assign(@PathParam("id") UUID id, @NotNull @Valid AssignTherapist request) {
        Client client = clientOfCallersClinic(id);
        if (client.therapistId != null) {
            throw ProblemException.conflict("the client is already assigned to a therapist");
        }
        Therapist therapist = Therapist.findById(request.therapistId());
        if (therapist == null || !therapist.clinicId.equals(client.clinicId)) {
            throw ProblemException.invalid("therapistId", "no therapist with this id works at the client's clinic");
        }
        client.therapistId = therapist.id;
        client.assignedAt = Instant.now();
        PhiAccessLog.record(caller.username(), "ASSIGN", client.id);
        outbox.publish(new ClientAssigned(client.id, client.clientCode, client.clinicId, therapist.id,
                client.assignedAt));
        return Response.status(Response.Status.CREATED)
                .entity(new AssignmentView(client.id, client.clientCode, therapist.id, client.assignedAt)).build();
    }

    private Client clientOfCallersClinic(UUID id) {
        Client client = Client.findById(id);
        if (client == null) {
            throw ProblemException.notFound("no client with this id");
        }
        caller.requireClinic(client.clinicId);
        return client;
    }

    private static String uniqueCode() {
        String code = ClientCodes.next();
        while (Client.codeTaken(code)) {
            code = ClientCodes.next();
        }
        return code;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
