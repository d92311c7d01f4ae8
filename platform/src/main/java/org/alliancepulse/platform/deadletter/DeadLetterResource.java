package org.alliancepulse.platform.deadletter;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Roles;
import org.alliancepulse.platform.problem.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every service's dead-letter topics, for network administrators: what is there and why, and a replay through the
 * same inbox once the cause is fixed. Records are described by ids, types and reasons, never by content.
 */
@Path("/api/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Records this service could not apply, and their replay (admins)")
public class DeadLetterResource {

    @Inject
    DeadLetterReplay replay;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "This service's dead-letter topics and how many records each holds",
            description = "Who may call: admins; other roles get a 403.")
    public List<DeadLetterReplay.DeadLetterTopic> topics() {
        return replay.topics();
    }

    @GET
    @Path("/{topic}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The dead letters of one topic: ids, types, reasons and where they came from",
            description = "Described without their content (a payload may name a client's code). Who may call: "
                    + "admins; other roles get a 403.")
    public List<DeadLetterReplay.DeadLetter> list(@PathParam("topic") String topic,
            @Parameter(description = "the most to read, 1-10000", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "10000", defaultValue = "500")) @QueryParam("limit") String limitParameter) {
        // read here, not as an int parameter: "abc" was the framework's bare 404
        int limit = QueryParameters.number("limit", limitParameter, 500);
        if (limit < 1 || limit > 10_000) {
            throw ProblemException.invalid("limit", "must be between 1 and 10000");
        }
        return replay.list(topic, limit).orElseThrow(() -> unknown(topic));
    }

    @POST
    @Path("/{topic}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replays every record of the dead-letter topic through the inbox",
            description = "Each record goes through the same de-duplication and handlers as the live stream: one "
                    + "applied meanwhile is reported DUPLICATE and changes nothing, one that still fails is reported "
                    + "STILL_FAILING with its reason and stays on the topic. Safe to repeat. Who may call: admins; "
                    + "other roles get a 403.")
    public List<DeadLetterReplay.Replayed> replay(@PathParam("topic") String topic) {
        return replay.replay(topic).orElseThrow(() -> unknown(topic));
    }

    private static ProblemException unknown(String topic) {
        return ProblemException.notFound("not a dead-letter topic of this service");
    }
}
