package org.alliancepulse.analytics.metrics;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.analytics.access.TherapistLogin;
import org.alliancepulse.analytics.access.KnownUnits;
import org.alliancepulse.analytics.metrics.MetricsReader.Level;
import org.alliancepulse.analytics.metrics.MetricsReader.Scope;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The network metrics of CLINICAL.md (ICCE-style), for a period of session dates ({@code from}, {@code to},
 * inclusive; the last 365 days when not given), as JSON or, with {@code Accept: text/csv}, as CSV (one line per unit
 * and metric). Small counts are suppressed with whatever would give them away. Admins see every scope; clinic staff
 * their clinic (with its per-therapist breakdown); a therapist their own figures; anything else is a 403.
 */
@Path("/api/metrics")
@Produces({ MediaType.APPLICATION_JSON, NetworkMetricsCsv.TEXT_CSV })
public class MetricsResource {

    @Inject
    NetworkMetrics metrics;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    /** The whole network, with a breakdown per clinic. Admins only. */
    @Operation(summary = "The network's figures, per month and per clinic",
            description = "ICCE-style figures by the sessions' own dates; counts of 1 to 10 are suppressed with whatever "
                    + "would give them away. JSON or CSV (Accept: text/csv). Who may call: admins.")
    @GET
    @Path("/network")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NetworkMetrics.Report.class)),
            @Content(mediaType = NetworkMetricsCsv.TEXT_CSV,
                    schema = @Schema(type = SchemaType.STRING, description = "one line per unit and metric")) })
    public Response network(
            @Parameter(description = "the period's first day (1900-2999); a year before to when left out", schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "the period's last day, inclusive; today (UTC) when left out", schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-12-31") @QueryParam("to") String to) {
        return respond(metrics.report(new Scope(Level.NETWORK, "network"), from, to));
    }

    /** One clinic, with a breakdown per therapist. Admins and the clinic's staff. */
    @Operation(summary = "One clinic's figures, per month and per therapist",
            description = "As the network's, for one clinic. Who may call: admins, the clinic's staff. Another clinic's "
                    + "staff, and other roles, get a 403 (a clinic's figures are no secret record: they are refused, "
                    + "not hidden).")
    @GET
    @Path("/clinics/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF })
    @Transactional
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NetworkMetrics.Report.class)),
            @Content(mediaType = NetworkMetricsCsv.TEXT_CSV,
                    schema = @Schema(type = SchemaType.STRING, description = "one line per unit and metric")) })
    public Response clinic(@Parameter(description = "the clinic's id", example = "north") @PathParam("id") String clinicId,
            @Parameter(description = "the period's first day (1900-2999); a year before to when left out", schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "the period's last day, inclusive; today (UTC) when left out", schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-12-31") @QueryParam("to") String to) {
        if (!caller.isAdmin() && !caller.worksAt(clinicId)) {
            throw ProblemException.forbidden("you see the metrics of your own clinic only");
        }
        if (!caller.worksAt(clinicId)) {
            // a typo in an admin's path looked like an empty clinic (outside probe); the clinic's own staff are
            // told its figures, zeros included, however new it is
            KnownUnits.requireClinic(clinicId);
        }
        return respond(metrics.report(new Scope(Level.CLINIC, clinicId), from, to));
    }

    /**
     * One therapist's own figures (no breakdown, by month). Admins and the therapist. Not the clinic's staff: beside
     * the clinic's report (same period), one therapist's figures by month would give away the rest of the clinic's,
     * a colleague's small counts included (found by a black-box review: 23 clients in the clinic, 19 of them one
     * therapist's, so 4 the other's); the clinic's report has the per-therapist breakdown, suppressed in one table.
     */
    @Operation(summary = "One therapist's figures, per month",
            description = "As the clinic's, for one therapist. Who may call: admins, and the therapist themself (another "
                    + "therapist gets a 403).")
    @GET
    @Path("/therapists/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.THERAPIST })
    @Transactional
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NetworkMetrics.Report.class)),
            @Content(mediaType = NetworkMetricsCsv.TEXT_CSV,
                    schema = @Schema(type = SchemaType.STRING, description = "one line per unit and metric")) })
    public Response therapist(@Parameter(description = "the therapist's id", schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @PathParam("id") String therapistId,
            @Parameter(description = "the period's first day (1900-2999); a year before to when left out", schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "the period's last day, inclusive; today (UTC) when left out", schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-12-31") @QueryParam("to") String to) {
        UUID id;
        try {
            id = UUID.fromString(therapistId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
        if (!caller.isAdmin()) {
            boolean own = caller.isTherapist()
                    && TherapistLogin.therapistIdOf(caller.username()).filter(id::equals).isPresent();
            if (!own) {
                throw ProblemException.forbidden("you see your own figures only (clinic staff: the clinic's report"
                        + " has each therapist's figures)");
            }
        }
        KnownUnits.requireTherapist(id);
        return respond(metrics.report(new Scope(Level.THERAPIST, id.toString()), from, to));
    }

    private Response respond(NetworkMetrics.Report report) {
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatible(NetworkMetricsCsv.CSV));
        return csv ? Response.ok(NetworkMetricsCsv.of(report), NetworkMetricsCsv.CSV).build()
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
