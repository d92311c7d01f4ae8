package org.alliancepulse.notification.history;

import static org.alliancepulse.platform.problem.QueryParameters.date;
import static org.alliancepulse.platform.problem.QueryParameters.oneOf;
import static org.alliancepulse.platform.problem.QueryParameters.uuid;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.notification.delivery.AlertNotification;
import org.alliancepulse.notification.delivery.Routing;
import org.alliancepulse.notification.directory.TherapistContact;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.problem.QueryParameters;
import org.alliancepulse.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The delivery log as callers may see it, newest first: admins everything; a clinic's staff their clinic's emails;
 * a therapist the emails about their own alerts that were theirs to receive (not the supervisor's escalations). A
 * filter reaching outside that is a 403, not an empty page, so a mistake is not silent.
 */
@RequestScoped
public class NotificationHistory {

    static final int MAX_PAGE_SIZE = 200;

    @Inject
    Caller caller;

    /** The kinds of alert notified about: those emailed, and LOW_ALLIANCE (the walking skeleton emailed it). */
    static final java.util.Set<String> KINDS = java.util.stream.Stream
            .concat(Routing.EMAILED_KINDS.stream(), java.util.stream.Stream.of("LOW_ALLIANCE"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The filters as given (query parameters, unparsed), so a bad one is a 400 naming it. */
    public record Filters(String status, String purpose, String kind, String therapistId, String clinicId,
            String alertId, String from, String to, String page, String size) {
    }

    @Schema(example = "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}")
    public record NotificationPage(List<NotificationView> items, int page, int size, long total) {
    }

    public NotificationPage search(Filters filters) {
        QueryParameters.Paging paging = QueryParameters.paging(filters.page(), filters.size(), 50, MAX_PAGE_SIZE);
        int page = paging.page();
        int size = paging.size();
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filters.status() != null) {
            where.add("status = :status");
            parameters.put("status", oneOf("status", filters.status(), AlertNotification.Status.class));
        }
        if (filters.purpose() != null) {
            where.add("purpose = :purpose");
            parameters.put("purpose", oneOf("purpose", filters.purpose(), AlertNotification.Purpose.class));
        }
        if (filters.kind() != null) {
            where.add("kind = :kind");
            String kind = filters.kind().trim().toUpperCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                // an unknown kind matched nothing and answered an empty 200, as if there were no such notifications
                throw ProblemException.invalid("kind", "must be one of " + new java.util.TreeSet<>(KINDS));
            }
            parameters.put("kind", kind);
        }
        UUID therapist = uuid("therapistId", filters.therapistId());
        if (therapist != null) {
            where.add("therapistId = :therapist");
            parameters.put("therapist", therapist);
        }
        if (filters.clinicId() != null) {
            where.add("clinicId = :clinic");
            parameters.put("clinic", filters.clinicId());
        }
        UUID alert = uuid("alertId", filters.alertId());
        if (alert != null) {
            where.add("alertId = :alert");
            parameters.put("alert", alert);
        }
        LocalDate from = date("from", filters.from()).orElse(null);
        LocalDate to = date("to", filters.to()).orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from != null) {
            where.add("createdAt >= :from");
            parameters.put("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (to != null) {
            where.add("createdAt < :to");
            parameters.put("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (!reach(where, parameters, filters, therapist)) {
            return new NotificationPage(List.of(), page, size, 0);
        }
        String query = String.join(" and ", where);
        var found = where.isEmpty() ? AlertNotification.<AlertNotification> findAll(Sort.descending("createdAt", "id"))
                : AlertNotification.<AlertNotification> find(query, Sort.descending("createdAt", "id"), parameters);
        List<NotificationView> items = found.page(Page.of(page, size)).list().stream()
                .map(NotificationView::of).toList();
        return new NotificationPage(items, page, size, found.count());
    }

    /** Narrows the query to the caller's reach; false when that reach is empty. */
    private boolean reach(List<String> where, Map<String, Object> parameters, Filters filters, UUID therapist) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.isClinicStaff()) {
            String clinic = caller.clinicId().orElseThrow(() -> ProblemException.forbidden("no clinic in the token"));
            if (filters.clinicId() != null && !filters.clinicId().equals(clinic)) {
                throw ProblemException.forbidden("you may see only your own clinic's emails");
            }
            where.add("clinicId = :ownClinic");
            parameters.put("ownClinic", clinic);
            return true;
        }
        List<UUID> own = TherapistContact.<TherapistContact> find("username", caller.username()).stream()
                .filter(c -> c.active && caller.worksAt(c.clinicId)).map(c -> c.therapistId).toList();
        if (therapist != null && !own.contains(therapist)) {
            throw ProblemException.forbidden("you may see only the emails about your own alerts");
        }
        if (own.isEmpty()) {
            return false;
        }
        where.add("therapistId in :own and purpose <> :escalation");
        parameters.put("own", own);
        parameters.put("escalation", AlertNotification.Purpose.ESCALATION);
        return true;
    }
}
