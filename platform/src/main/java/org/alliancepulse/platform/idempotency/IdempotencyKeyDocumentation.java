package org.alliancepulse.platform.idempotency;

import java.util.Map;
import java.util.Optional;

import org.alliancepulse.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the optional {@code Idempotency-Key} header (and its 422) on the OpenAPI operation of every
 * {@link Idempotent} method, at build time from the Jandex index.
 *
 * <p>Why a filter rather than a {@code @Parameter(in = HEADER, ...)} on each method: the annotation that changes the
 * behaviour is then the only one to write, and the document cannot drift from it. The operation is found by the
 * method's HTTP verb and its class and method {@code @Path}s; the per-service OpenAPI tests check that every
 * {@code POST} in the document carries the header.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyKeyDocumentation implements OASFilter {

    private static final DotName IDEMPOTENT = DotName.createSimple(Idempotent.class.getName());
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final Map<DotName, PathItem.HttpMethod> VERBS = Map.of(
            DotName.createSimple("jakarta.ws.rs.POST"), PathItem.HttpMethod.POST,
            DotName.createSimple("jakarta.ws.rs.PUT"), PathItem.HttpMethod.PUT,
            DotName.createSimple("jakarta.ws.rs.PATCH"), PathItem.HttpMethod.PATCH,
            DotName.createSimple("jakarta.ws.rs.DELETE"), PathItem.HttpMethod.DELETE);

    private final IndexView index;

    public IdempotencyKeyDocumentation(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (AnnotationInstance idempotent : index.getAnnotations(IDEMPOTENT)) {
            if (idempotent.target().kind() == AnnotationTarget.Kind.METHOD) {
                operation(openAPI, idempotent.target().asMethod()).ifPresent(IdempotencyKeyDocumentation::document);
            }
        }
    }

    private static Optional<Operation> operation(OpenAPI openAPI, MethodInfo method) {
        Optional<PathItem.HttpMethod> verb = VERBS.entrySet().stream()
                .filter(v -> method.hasDeclaredAnnotation(v.getKey())).map(Map.Entry::getValue).findFirst();
        if (verb.isEmpty()) {
            return Optional.empty();
        }
        String path = path(method);
        // endsWith: quarkus.http.root-path or an @ApplicationPath may prefix the document's paths
        return openAPI.getPaths().getPathItems().entrySet().stream()
                .filter(item -> item.getKey().equals(path) || item.getKey().endsWith(path))
                .map(item -> item.getValue().getOperations().get(verb.get()))
                .filter(operation -> operation != null)
                .findFirst();
    }

    /** {@code /api/clients/{id}/assignment} from the class and method {@code @Path}s, template regexes dropped. */
    private static String path(MethodInfo method) {
        AnnotationInstance classPath = method.declaringClass().declaredAnnotation(PATH);
        AnnotationInstance methodPath = method.declaredAnnotation(PATH);
        String joined = "/" + (classPath == null ? "" : classPath.value().asString()) + "/"
                + (methodPath == null ? "" : methodPath.value().asString());
        String path = joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void document(Operation operation) {
        boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && Idempotent.HEADER.equalsIgnoreCase(p.getName()));
        if (documented) {
            return;
        }
        operation.addParameter(OASFactory.createParameter()
                .name(Idempotent.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Makes a retry safe: send a fresh key (a UUID) per new request and the same key when "
                        + "retrying it. A retry with the same key and the same request gets the first answer again, "
                        + "with " + Idempotent.REPLAYED_HEADER + ": true, and creates nothing; the same key with a "
                        + "different request is a 422. Only successful answers are kept, per user, for "
                        + "at least the service's retention (24 hours by default).")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                        .maxLength(Idempotent.MAX_KEY_LENGTH)));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponse("422") == null) {
            operation.getResponses().addAPIResponse("422", OASFactory.createAPIResponse()
                    .description("The " + Idempotent.HEADER + " was already used for a different request")
                    // a problem, as every refusal (outside probe: this one alone had no content type)
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
        }
    }
}
