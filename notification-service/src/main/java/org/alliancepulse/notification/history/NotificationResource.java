package org.alliancepulse.notification.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.alliancepulse.platform.security.Roles;

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
    public NotificationHistory.NotificationPage notifications(@QueryParam("status") String status,
            @QueryParam("purpose") String purpose, @QueryParam("kind") String kind,
            @QueryParam("therapistId") String therapistId, @QueryParam("clinicId") String clinicId,
            @QueryParam("alertId") String alertId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return history.search(new NotificationHistory.Filters(status, purpose, kind, therapistId, clinicId, alertId,
                from, to, page, size));
    }
}
