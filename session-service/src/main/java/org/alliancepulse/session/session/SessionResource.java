package org.alliancepulse.session.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.contracts.session.SessionScheduled;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.security.Roles;
import org.alliancepulse.session.dyad.Dyad;
import org.alliancepulse.session.dyad.DyadAccess;

@Path("/api/sessions")
public class SessionResource {

    @Inject
    Outbox outbox;

    @Inject
    DyadAccess access;

    public record ScheduleSession(@NotNull UUID clientId, @NotNull LocalDate sessionDate) {
    }

    public record SessionView(UUID id, UUID clientId, String clientCode, UUID therapistId, String clinicId,
            LocalDate sessionDate, Session.Status status) {

        static SessionView of(Session s, String clientCode) {
            return new SessionView(s.id, s.clientId, clientCode, s.therapistId, s.clinicId, s.sessionDate, s.status);
        }
    }

    /** Books a session for an assigned client with the therapist they are assigned to. */
    @POST
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @Idempotent
    public Response schedule(@NotNull @Valid ScheduleSession request) {
        Dyad dyad = access.requireActFor(request.clientId());
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.clientId = dyad.clientId;
        session.therapistId = dyad.therapistId;
        session.clinicId = dyad.clinicId;
        session.sessionDate = request.sessionDate();
        session.status = Session.Status.SCHEDULED;
        session.createdAt = Instant.now();
        session.persist();
        outbox.publish(new SessionScheduled(session.id, session.clientId, session.therapistId, session.clinicId,
                session.sessionDate));
        return Response.status(Response.Status.CREATED).entity(SessionView.of(session, dyad.clientCode)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    public SessionView get(@PathParam("id") UUID id) {
        Session session = Session.findAccessible(id, access);
        Dyad dyad = Dyad.findById(session.clientId);
        return SessionView.of(session, dyad == null ? null : dyad.clientCode);
    }
}
