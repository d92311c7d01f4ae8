package org.alliancepulse.platform.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the error answers every API operation can give, as {@link ProblemMappers} gives them: a
 * {@code Problem} schema (RFC 9457) on every 4xx and 5xx, a 400 where the operation takes input, a 404 where its path
 * names a record (also another clinic's or another therapist's: no existence leak), and a 503 while the database is
 * away, a 409 on every write (a duplicate, a move the state does not allow, or the same record created by another
 * request at the same time), a 415 for a body of a type the operation does not read, and a 406 for an Accept header
 * it cannot satisfy. The codes only some operations give (410, 422, 429) are on those operations; this adds their body.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemDocumentation implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addSchema(openAPI.getComponents());
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().contains("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                document(operation.getValue(), path.getKey().contains("{"),
                        operation.getKey() != PathItem.HttpMethod.GET);
            }
        }
    }

    private static void document(Operation operation, boolean namesARecord, boolean writes) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null || operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() != Parameter.In.HEADER);
        if (takesInput) {
            addIfAbsent(responses, "400", "Invalid request: the problem names each field and why; nothing was stored");
        }
        if (namesARecord) {
            addIfAbsent(responses, "404", "No such record for you: unknown, or another clinic's or another "
                    + "therapist's (answered alike)");
        }
        if (writes) {
            // every write can meet another request creating the same record at the same moment (ProblemMappers)
            addIfAbsent(responses, "409", "Conflict: not possible as things stand - a duplicate, a move the "
                    + "record's state does not allow, or the same record created by another request at the same time "
                    + "(the detail says which); nothing was stored");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "413", "Payload Too Large: a body over the limit (1 MB); it was not read and "
                    + "nothing was stored");
            addIfAbsent(responses, "415", "Unsupported Media Type: the body's Content-Type is not one this operation "
                    + "reads; nothing was stored");
        }
        addIfAbsent(responses, "406", "Not Acceptable: none of the types the Accept header asks for is one this "
                + "operation answers in");
        addIfAbsent(responses, "503", "The service's database is not reachable at the moment; nothing was stored. "
                + "Retry-After says when to try again");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                if (response.getValue().getContent() == null) {
                    response.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA))));
                }
            }
        }
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void addSchema(Components components) {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addSchema(SCHEMA, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An error, as RFC 9457 problem details (application/problem+json)")
                .addProperty("type", text)
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", text).addProperty("message", text)))
                .example(Map.of("type", "about:blank", "title", "Invalid request", "status", 400,
                        "detail", "limit: must be between 1 and 10000",
                        "violations", java.util.List.of(Map.of("field", "limit",
                                "message", "must be between 1 and 10000")))));
    }
}
