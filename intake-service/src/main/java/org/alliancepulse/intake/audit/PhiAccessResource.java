package org.alliancepulse.intake.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.problem.QueryParameters;
import org.alliancepulse.platform.security.Roles;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.quarkus.panache.common.Page;

/** For admins: who read or changed which client's PHI, and when. Ids and logins only, never the PHI itself. */
@Path("/api/audit/phi-access")
public class PhiAccessResource {

    @Schema(example = """
            {
              "accessedAt": "2026-11-27T09:00:00.000000Z",
              "actor": "staff-north",
              "action": "READ",
              "clientId": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
            }""")
    public record Entry(Instant accessedAt, String actor, String action, UUID clientId) {
    }

    @Schema(example = """
            {
              "items": [
                {
                  "accessedAt": "2026-11-27T09:00:00.000000Z",
                  "actor": "staff-north",
                  "action": "READ",
                  "clientId": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
                }
              ],
              "page": 0,
              "size": 20,
              "total": 1
            }""")
    public record EntryPage(List<Entry> items, int page, int size, long total) {
    }

    /**
     * @param from inclusive, ISO-8601 instant, e.g. {@code 2026-11-01T00:00:00Z}
     * @param to exclusive
     */
    @Operation(summary = "Who read or changed which client's record, and when",
            description = "The PHI audit: ids, logins and actions only, never the PHI itself; filters by client, user, "
                    + "action and days. Who may call: admins.")
    @GET
    @RolesAllowed(Roles.ADMIN)
    public EntryPage search(
            @Parameter(description = "the client's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("clientId") String clientParam,
            @Parameter(description = "the login that read or changed the record", example = "staff-north")
            @QueryParam("user") String user,
            @Parameter(description = "from this moment (inclusive), or from this day (UTC)", schema = @Schema(
                    type = SchemaType.STRING), example = "2026-11-01") @QueryParam("from") String fromParam,
            @Parameter(description = "until this moment (exclusive), or to the end of this day (UTC); after from",
                    schema = @Schema(type = SchemaType.STRING), example = "2026-11-30")
            @QueryParam("to") String toParam,
            @Parameter(description = "the page, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) @QueryParam("page") String pageParam,
            @Parameter(description = "entries per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("size") String sizeParam) {
        // read here, so a malformed one is a 400 naming it (the framework's conversion answers a bare 404)
        UUID clientId = QueryParameters.uuid("clientId", clientParam);
        QueryParameters.Paging paging = QueryParameters.paging(pageParam, sizeParam, 50, 500);
        int page = paging.page();
        int size = paging.size();
        Instant from = instant("from", fromParam, false);
        Instant to = instant("to", toParam, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        var query = PhiAccessLog.search(clientId, user, from, to);
        long total = query.count();
        List<Entry> items = query.page(Page.of(page, size)).list().stream()
                .map(e -> new Entry(e.accessedAt, e.actor, e.action, e.clientId)).toList();
        return new EntryPage(items, page, size, total);
    }

    /**
     * A moment, or a day (UTC) as every other period in the API takes it (outside probe: a day was a 400 here
     * alone): a day for {@code from} begins at its midnight, a day for {@code to} is included whole.
     *
     * @param end whether it ends the period (exclusive), so that a day given is counted to its end
     */
    private static Instant instant(String field, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException notAMoment) {
            if (!value.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw ProblemException.invalid(field, "must be a day such as 2026-11-01 or a moment such as "
                        + "2026-11-01T00:00:00Z");
            }
            java.time.LocalDate day = QueryParameters.date(field, value).orElseThrow();
            return (end ? day.plusDays(1) : day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
    }
}
