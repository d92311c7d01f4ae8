package org.alliancepulse.notification.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/notifications")
public class NotificationResource {

    @Inject
    NotificationHistory history;

    /**
     * The emails sent, held or given up, newest first, each with its status, attempts and times: admins all, a
     * clinic's staff their clinic's, a therapist those about their own alerts. Filters: {@code status},
     * {@code purpose} (ALERT, ESCALATION, RESOLVED, DIGEST), {@code kind} (RUPTURE, UNRESOLVED_RUPTURE, FIT_CONCERN,
     * DROPOUT_RISK, LOW_ALLIANCE), {@code therapistId}, {@code clinicId},
     * {@code alertId}, {@code from} / {@code to} (dates it was recorded, inclusive, UTC); {@code page} from 0,
     * {@code size} 1-200 (50). A filter outside the caller's reach is a 403.
     */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @Operation(summary = "The delivery log: emails sent, held or given up, newest first",
            description = "Admins all, a clinic's staff their clinic's, a therapist those about their own alerts. "
                    + "A filter outside the caller's reach is a 403; an unknown or repeated parameter a 400. Who may "
                    + "call: admins, the clinic's staff, therapists.")
    public NotificationHistory.NotificationPage notifications(
            @Parameter(description = "the delivery's state", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "PENDING", "WAITING_FOR_THERAPIST", "WAITING_FOR_SUPERVISOR", "IN_DIGEST", "SENDING", "SENT",
                    "FAILED", "NOT_SENT_HISTORICAL", "CANCELLED", "SKIPPED" })) @QueryParam("status") String status,
            @Parameter(description = "what the email is", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "ALERT", "ESCALATION", "RESOLVED", "DIGEST" })) @QueryParam("purpose") String purpose,
            @Parameter(description = "the kind of alert it is about", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "RUPTURE", "UNRESOLVED_RUPTURE", "FIT_CONCERN", "DROPOUT_RISK", "LOW_ALLIANCE" }))
            @QueryParam("kind") String kind,
            @Parameter(description = "a therapist's id (a therapist: their own only)", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("therapistId") String therapistId,
            @Parameter(description = "a clinic's id (admins any, staff their own)", example = "north")
            @QueryParam("clinicId") String clinicId,
            @Parameter(description = "the alert's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("alertId") String alertId,
            @Parameter(description = "the first day it was recorded (UTC, inclusive)", schema = @Schema(
                    type = SchemaType.STRING, format = "date"), example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "the last day (UTC, inclusive)", schema = @Schema(type = SchemaType.STRING,
                    format = "date"), example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "the page, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "deliveries per page", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size) {
        return history.search(new NotificationHistory.Filters(status, purpose, kind, therapistId, clinicId, alertId,
                from, to, page, size));
    }
}
