package org.alliancepulse.testinfra.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.testinfra.security.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What every service offers its operators, checked the same way everywhere: extend it in a {@code @QuarkusTest} of
 * the service (with the module's usual test profile).
 */
public abstract class OperationalEndpointsContract {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("event consumers"))
                .body("checks.name", hasItem("outbox"))
                .body("checks.name", hasItem("background workers"));
    }

    @Test
    void livenessNeedsNoToken() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentsTheBearerToken() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
    }

    @Test
    void prometheusMetricsIncludeTheOutboxRelay() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("alliance_pulse_outbox_published"))
                // and what waits, from the table every instance shares (TableGaugesTest: the values)
                .body(containsString("alliance_pulse_outbox_unsent "))
                .body(containsString("alliance_pulse_outbox_oldest_unsent_age_seconds "));
    }

    @Test
    void aTokenMintedForAnotherApplicationIsRefused() {
        // every service has the dead-letter endpoints (platform), for admins
        given().auth().oauth2(Tokens.admin()).get("/api/dead-letters").then().statusCode(200);
        given().auth().oauth2(Tokens.adminForOtherAudience()).get("/api/dead-letters").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theCallerCanAskWhoTheServiceTakesThemToBe() {
        given().auth().oauth2(Tokens.therapist("dr-me", "north")).get("/api/me").then().statusCode(200)
                .body("username", equalTo("dr-me")).body("roles", equalTo(List.of("therapist")))
                .body("clinicId", equalTo("north"));
        given().auth().oauth2(Tokens.admin()).get("/api/me").then().statusCode(200)
                .body("roles", equalTo(List.of("admin")));
        given().get("/api/me").then().statusCode(401);
        given().auth().oauth2(Tokens.withoutRole()).get("/api/me").then().statusCode(403);
        given().auth().oauth2(Tokens.expired("north")).get("/api/me").then().statusCode(401);
    }

    @Test
    void deadLettersAreForAdminsOnly() {
        given().get("/api/dead-letters").then().statusCode(401);
        given().auth().oauth2(Tokens.clinicStaff("north")).get("/api/dead-letters").then().statusCode(403);
        given().auth().oauth2(Tokens.therapist("dr-any", "north")).get("/api/dead-letters").then().statusCode(403);
        // a malformed limit is a 400 naming it (was the framework's bare 404)
        given().auth().oauth2(Tokens.admin()).queryParam("limit", "abc").get("/api/dead-letters/any-topic").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
    }

    /**
     * Other tools call these paths: every body an operation takes is documented with an example (intake's had them;
     * session-service's had none, found by an outside probe). An operation added later cannot forget it.
     */
    @Test
    void everyRequestBodyIsDocumentedWithAnExample() {
        List<String> without = new ArrayList<>();
        for (Documented operation : apiOperations(openApi())) {
            if (!(operation.described().get("requestBody") instanceof Map<?, ?> body)
                    || !(body.get("content") instanceof Map<?, ?> content)) {
                continue; // an operation without a body
            }
            content.forEach((mediaType, media) -> {
                Map<?, ?> documented = (Map<?, ?>) media;
                boolean shown = documented.get("example") != null
                        || documented.get("examples") instanceof Map<?, ?> examples && !examples.isEmpty();
                if (!shown) {
                    without.add(operation.name() + " (" + mediaType + ")");
                }
            });
        }
        assertEquals(List.of(), without.stream().sorted().toList(), "request bodies documented without an example");
    }

    /**
     * Other tools read these answers: every JSON answer of success (2xx) is shown with an example, on the answer or on
     * the schema it refers to (for a list, on the schema of its items), and an example of an object names exactly the
     * object's properties, so it cannot drift from the record it shows. An outside probe found request bodies shown
     * and the answers only described.
     */
    @Test
    void everySuccessfulJsonAnswerIsDocumentedWithAnExample() {
        Map<String, Object> document = openApi();
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.getOrDefault("components",
                Map.of())).getOrDefault("schemas", Map.of());
        List<String> without = new ArrayList<>();
        java.util.Set<String> answered = new java.util.HashSet<>(); // the schemas of answers, named
        for (Documented operation : apiOperations(document)) {
            operation.responses().forEach((status, response) -> {
                if (!String.valueOf(status).startsWith("2") || !(response instanceof Map<?, ?> answer)
                        || !(answer.get("content") instanceof Map<?, ?> content)) {
                    return;
                }
                content.forEach((mediaType, media) -> {
                    Map<?, ?> documented = (Map<?, ?>) media;
                    named(documented.get("schema"), answered);
                    boolean shown = documented.get("example") != null
                            || documented.get("examples") instanceof Map<?, ?> examples && !examples.isEmpty()
                            || schemaShown(documented.get("schema"), schemas, 0);
                    if (String.valueOf(mediaType).contains("json") && !shown) {
                        without.add(operation.name() + " " + status + " (" + mediaType + ")");
                    }
                });
            });
        }
        assertEquals(List.of(), without.stream().sorted().toList(), "successful answers without an example");

        // an example names no field its schema lacks; an answer's names every field (a request's may leave out the
        // optional ones)
        List<String> drifted = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            if (schema instanceof Map<?, ?> described && described.get("examples") instanceof List<?> examples) {
                for (Object example : examples) {
                    drift(name, example, described, schemas, answered.contains(name), drifted, 0);
                }
            }
        });
        assertEquals(List.of(), drifted, "examples that name other fields than their schema has");
    }

    /**
     * Where an example and its schema disagree, down through the objects and lists it holds: a field the schema
     * lacks, or (in an answer, whose every field is there unless its description says when it is absent) one the
     * example leaves out (outside probe: a session's and a feedback's fields missing inside the client record's
     * example).
     */
    private static void drift(String at, Object example, Object schema, Map<String, Object> schemas, boolean answer,
            List<String> drifted, int depth) {
        Map<?, ?> described = resolved(schema, schemas);
        if (described == null || depth > 8) {
            return;
        }
        if (example instanceof List<?> list && described.get("items") != null) {
            for (int i = 0; i < list.size(); i++) {
                drift(at + "[" + i + "]", list.get(i), described.get("items"), schemas, answer, drifted, depth + 1);
            }
        } else if (example instanceof Map<?, ?> object && described.get("properties") instanceof Map<?, ?> properties) {
            // a field the service leaves out when it has none says so in its description ("absent ...")
            boolean complete = properties.entrySet().stream().allMatch(property -> object.containsKey(property.getKey())
                    || property.getValue() instanceof Map<?, ?> field && field.get("description") instanceof String text
                            && text.contains("absent"));
            if (!properties.keySet().containsAll(object.keySet()) || answer && !complete) {
                drifted.add(at + ": example " + new java.util.TreeSet<>(object.keySet().stream().map(String::valueOf)
                        .toList()) + ", properties " + new java.util.TreeSet<>(properties.keySet().stream()
                                .map(String::valueOf).toList()));
            }
            object.forEach((key, value) -> {
                if (properties.get(key) != null) {
                    drift(at + "." + key, value, properties.get(key), schemas, answer, drifted, depth + 1);
                }
            });
        }
    }

    /** A schema with its reference followed, and the one object or list among its alternatives (a nullable one). */
    private static Map<?, ?> resolved(Object schema, Map<String, Object> schemas) {
        if (!(schema instanceof Map<?, ?> described)) {
            return null;
        }
        if (described.get("$ref") instanceof String ref) {
            return resolved(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas);
        }
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (described.get(choice) instanceof List<?> alternatives && described.get("properties") == null) {
                for (Object alternative : alternatives) {
                    Map<?, ?> one = resolved(alternative, schemas);
                    if (one != null && (one.get("properties") != null || one.get("items") != null)) {
                        return one;
                    }
                }
            }
        }
        return described;
    }

    /** The names of the schemas a schema refers to directly, as itself, its items or its alternatives. */
    private static void named(Object schema, java.util.Set<String> names) {
        if (!(schema instanceof Map<?, ?> described)) {
            return;
        }
        if (described.get("$ref") instanceof String ref) {
            names.add(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (described.get("oneOf") instanceof List<?> alternatives) {
            alternatives.forEach(each -> named(each, names));
        }
        named(described.get("items"), names);
    }

    /** Whether a schema (followed through a reference, a list's items, or oneOf) carries an example. */
    private static boolean schemaShown(Object schema, Map<String, Object> schemas, int depth) {
        if (!(schema instanceof Map<?, ?> described) || depth > 5) {
            return false;
        }
        if (described.get("example") != null
                || described.get("examples") instanceof List<?> listed && !listed.isEmpty()) {
            return true;
        }
        if (described.get("$ref") instanceof String ref) {
            return schemaShown(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas, depth + 1);
        }
        if (described.get("oneOf") instanceof List<?> alternatives && !alternatives.isEmpty()) {
            return alternatives.stream().allMatch(each -> schemaShown(each, schemas, depth + 1));
        }
        return schemaShown(described.get("items"), schemas, depth + 1);
    }

    /**
     * Every operation says in words what it does: a summary of three words or more, not the method's name the
     * framework puts there ("Get", "List", "Register" for clinics, clients and therapists alike; outside probe), and
     * a description saying who may call it (found missing on 24 of 66 operations, outside probe).
     */
    @Test
    void everyOperationIsSummarisedInWords() {
        List<String> bare = new ArrayList<>();
        for (Documented operation : apiOperations(openApi())) {
            if (!(operation.described().get("summary") instanceof String summary
                    && summary.trim().split("\\s+").length >= 3)) {
                bare.add(operation.name() + ": " + operation.described().get("summary"));
            }
            if (!(operation.described().get("description") instanceof String description
                    && description.contains("Who may call"))) {
                bare.add(operation.name() + ": no \"Who may call\" in its description");
            }
        }
        assertEquals(List.of(), bare.stream().sorted().toList(), "operations without a summary in words");
    }

    /**
     * Every query parameter says what it takes: a description, and a type beyond a bare string where it has one (a
     * format, values to choose from, a number); an outside probe found every filter an undocumented string, the
     * values to give only in the README or a 400.
     */
    @Test
    void everyQueryParameterIsDescribed() {
        List<String> without = new ArrayList<>();
        for (Documented operation : apiOperations(openApi())) {
            if (!(operation.described().get("parameters") instanceof List<?> parameters)) {
                continue;
            }
            for (Object each : parameters) {
                Map<?, ?> parameter = (Map<?, ?>) each;
                if ("query".equals(parameter.get("in")) && !(parameter.get("description") instanceof String text
                        && !text.isBlank())) {
                    without.add(operation.name() + " ?" + parameter.get("name"));
                }
            }
        }
        assertEquals(List.of(), without.stream().sorted().toList(), "query parameters without a description");
    }

    /**
     * The refusals every API operation can give are in its documentation: 406 for an Accept it cannot answer, and,
     * where it reads a body, 415 for a body of another type (outside probe: given, not documented).
     */
    @Test
    void everyOperationDocumentsTheRefusalsOfItsMediaTypes() {
        List<String> without = new ArrayList<>();
        for (Documented operation : apiOperations(openApi())) {
            Map<?, ?> responses = operation.responses();
            if (!responses.containsKey("406")) {
                without.add(operation.name() + " 406");
            }
            if (operation.described().get("requestBody") != null && !responses.containsKey("415")) {
                without.add(operation.name() + " 415");
            }
            // and every refusal says its body is a problem (outside probe: a 422 without a content type)
            responses.forEach((status, response) -> {
                if (String.valueOf(status).matches("[45]\\d\\d") && !(response instanceof Map<?, ?> answer
                        && answer.get("content") instanceof Map<?, ?> content
                        && content.containsKey("application/problem+json"))) {
                    without.add(operation.name() + " " + status + " without application/problem+json");
                }
            });
        }
        assertEquals(List.of(), without.stream().sorted().toList(), "refusals not documented");
    }

    /** An operation of the service's API as its OpenAPI document describes it. */
    private record Documented(String method, String path, Map<?, ?> described) {

        String name() {
            return method + " " + path;
        }

        Map<?, ?> responses() {
            return described.get("responses") instanceof Map<?, ?> responses ? responses : Map.of();
        }
    }

    /** The service's OpenAPI document, as JSON. */
    private static Map<String, Object> openApi() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().path("$");
    }

    /** The operations under /api/ (a test's own probe resources left out). */
    private static List<Documented> apiOperations(Map<String, Object> document) {
        List<Documented> operations = new ArrayList<>();
        if (document.get("paths") instanceof Map<?, ?> paths) {
            paths.forEach((path, item) -> {
                if (String.valueOf(path).contains("/api/") && !String.valueOf(path).contains("/test-only/")
                        && item instanceof Map<?, ?> methods) {
                    methods.forEach((method, operation) -> {
                        if (operation instanceof Map<?, ?> described) { // not the parameters a path shares
                            operations.add(new Documented(String.valueOf(method), String.valueOf(path), described));
                        }
                    });
                }
            });
        }
        return operations;
    }

    @Test
    void everyEndpointSaysWhoMayCallIt() {
        // unannotated endpoints are denied by configuration anyway; this keeps the rule visible in the code
        List<String> open = endpoints().stream()
                .filter(m -> !m.isAnnotationPresent(RolesAllowed.class) && !m.isAnnotationPresent(PermitAll.class)
                        && !m.isAnnotationPresent(DenyAll.class)
                        && !m.getDeclaringClass().isAnnotationPresent(RolesAllowed.class)
                        && !m.getDeclaringClass().isAnnotationPresent(PermitAll.class))
                .filter(m -> !m.getDeclaringClass().getSimpleName().startsWith("Unannotated"))
                .map(OperationalEndpointsContract::name).sorted().toList();
        assertEquals(List.of(), open, "endpoints without a security rule");
    }

    @Test
    void everyPostEndpointIsIdempotentTransactionalAndAnswersWithAResponse() {
        // a guard: an endpoint added later cannot forget the Idempotency-Key (platform's @Idempotent, by name: this
        // module does not depend on platform)
        List<String> unguarded = endpoints().stream()
                .filter(m -> m.isAnnotationPresent(POST.class))
                .filter(m -> !annotated(m, "org.alliancepulse.platform.idempotency.Idempotent")
                        || !annotated(m, "jakarta.transaction.Transactional")
                        || !Response.class.equals(m.getReturnType()))
                .map(OperationalEndpointsContract::name).sorted().toList();
        assertEquals(List.of(), unguarded, "POST endpoints need @Transactional @Idempotent and a Response");
    }

    /** The service's own resource methods: its package (the test's) and below. */
    private List<Method> endpoints() {
        return PackageClasses.of(getClass().getPackageName()).stream()
                .filter(type -> type.isAnnotationPresent(Path.class))
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(DELETE.class)
                        || m.isAnnotationPresent(PATCH.class))
                .toList();
    }

    private static boolean annotated(Method method, String annotation) {
        return Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(annotation));
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
