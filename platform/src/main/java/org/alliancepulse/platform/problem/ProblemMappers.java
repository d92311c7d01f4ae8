package org.alliancepulse.platform.problem;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.alliancepulse.platform.security.SecurityLog;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every error into problem+json, so a client's mistake is a clear 4xx and never a 500. The 500 answer says
 * nothing about the cause: messages of unexpected exceptions can carry data (SQL values), so they are not echoed.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    SecurityLog securityLog;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        if (e.outOfScope() || e.problem().status() == 403) {
            securityLog.refused(request, e.problem().status(), e.problem().detail());
        }
        Response response = respond(e.problem());
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds().toString()).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is not valid");
        return respond(new Problem("about:blank", "Invalid request", 400, detail, violations));
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class,
            InputCoercionException.class })
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping)
                : e instanceof InputCoercionException coercion ? nameOf(coercion) : "";
        String why = e instanceof RefusedJsonValue refused ? refused.why()
                // a number too large for its field (2147483648 for a whole number): well-formed JSON, a wrong value
                : e instanceof InputCoercionException ? "is out of range for a whole number"
                : e instanceof JsonParseException ? "the body is not valid JSON"
                : e instanceof ValueInstantiationException vie && vie.getCause() != null
                        ? vie.getCause().getMessage()
                        : e instanceof InvalidFormatException format && format.getTargetType() != null
                                && format.getTargetType().isEnum()
                                ? "must be one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants())
                                : "has the wrong type or format";
        if (field.isEmpty()) {
            return respond(Problem.of(400, "Invalid request", why));
        }
        return respond(new Problem("about:blank", "Invalid request", 400, field + ": " + why,
                List.of(new Problem.Violation(field, why))));
    }

    /** The field a number out of range was read for ("" when the parser no longer knows it). */
    private static String nameOf(InputCoercionException e) {
        try {
            String name = e.getProcessor() == null ? null : e.getProcessor().currentName();
            return name == null ? "" : name;
        } catch (java.io.IOException | RuntimeException unknown) {
            return "";
        }
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        boolean tokenGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        securityLog.unauthenticated(request, tokenGiven);
        return bearerRequired(tokenGiven);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, HttpServerRequest request) {
        securityLog.unauthenticated(request, true);
        return bearerRequired(true);
    }

    /**
     * RFC 6750: a 401 names the scheme it wants, so a client knows to fetch a token; for a token given and refused
     * (expired, foreign, badly signed) it says {@code error="invalid_token"}, so a client knows to fetch a new one
     * rather than send the same again.
     */
    private static Response bearerRequired(boolean tokenGiven) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized", "a valid bearer token is required")))
                .header("WWW-Authenticate", tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        securityLog.refused(request, 403, "your role does not allow this");
        return respond(Problem.of(403, "Forbidden", "your role does not allow this"));
    }

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, Request request, HttpServerRequest http) {
        int status = e.getResponse().getStatus();
        Set<String> allowed = status == 404 || status == 405 ? allowedMethods.of(uri.getPath()) : Set.of();
        if (status == 404 && !allowed.isEmpty() && !allowed.contains(request.getMethod())) {
            // the path exists, only not for this method: the framework answers 404 where no resource class has the
            // method at that depth (GET on a POST-only sub-path); the caller is told what the path does take
            status = 405;
        }
        if (status >= 500) {
            LOG.errorf("Request failed with %d: %s", status, e.getClass().getName());
        }
        if (status == 400) {
            // a number out of range for its field arrives wrapped; its cause names the field
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof InputCoercionException coercion) {
                    return unreadable(coercion);
                }
                if (cause instanceof JsonMappingException mapping) { // a refused value (a number for a time)
                    return unreadable(mapping);
                }
            }
            // Quarkus REST reports an unreadable body (truncated JSON, wrong top-level type) this way
            return respond(Problem.of(400, "Invalid request", "the request body could not be read as the expected JSON"));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Response problem = respond(Problem.of(status, title, status >= 500 ? "the service could not answer"
                : detailOf(status, e.getMessage())));
        if (status == 405) {
            measuredByTemplate(http.path(), uri.getPath());
        }
        if (status == 405 && !allowed.isEmpty()) {
            // RFC 9110: a 405 lists the methods the path does take; the framework's refusal names none
            return Response.fromResponse(problem).header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
        }
        return problem;
    }

    /**
     * The HTTP metrics name a request no method took by its raw path: one series per path sent (anyone can grow the
     * registry) and a feedback link's token or a client's id on the open {@code /q/metrics} (outside probe: a
     * DELETE on a link's path). Quarkus reads the matched route's template from the request's context under this
     * key; a 405 has none, so it is given the template the path falls under.
     */
    private void measuredByTemplate(String sent, String decoded) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context != null) {
            // the path as sent first: an encoded slash in a token (%2F) is one segment to the router, two decoded
            // (outside probe: DELETE /api/feedback/<token>%2Fx still put the token on /q/metrics); a path no
            // template takes is counted under one name, never its own
            String template = allowedMethods.templateOf(sent).or(() -> allowedMethods.templateOf(decoded))
                    .orElse(UNMATCHED);
            context.putLocal(URL_PATH_TEMPLATE, template);
        }
    }

    /** The one name a refused request on a path no resource takes is counted under. */
    static final String UNMATCHED = "/UNMATCHED";

    /** Where Quarkus's HTTP metrics look for the route template (quarkus-micrometer's HttpRequestMetric). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    /**
     * The framework's own refusals say what to do, in the API's words: its texts name Java types and annotations
     * ("No supported MessageBodyReader found", "did not match the value in @Produces") or only the status.
     */
    static String detailOf(int status, String framework) {
        return switch (status) {
            // a path no resource has, or an id in it that is not well formed (a UUID that is not one)
            case 404 -> "nothing here: check the path, and that an id in it is well formed (most ids are UUIDs)";
            case 405 -> "this path does not take this method (the API's OpenAPI document, /q/openapi, lists those "
                    + "it takes)";
            case 406 -> "this answer is not given in the format the Accept header asks for: accept one this path "
                    + "gives (application/json for the APIs, some also text/csv or FHIR JSON; text/html for pages)";
            case 415 -> "the body's Content-Type is not one this endpoint reads: send application/json";
            default -> framework;
        };
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e) {
        if (Concurrency.isConflict(e)) {
            // two requests changed the same record at once; the loser's transaction rolled back, nothing was stored
            return respond(Problem.of(409, "Conflict",
                    "the record was changed by another request at the same time; nothing was stored, reload and try again"));
        }
        String sqlState = sqlState(e);
        if (UNIQUE_VIOLATION.equals(sqlState)) {
            // two requests created the same record at once (the same therapist username, a second answer to the
            // same form, a second open episode): each checked first and found none, the database let one in. The
            // other rolled back; nothing of it was stored. Found by a black-box probe: 8 parallel answers, one 500.
            // WARN with the constraint's name (a name, never a value) and where: should a unique violation come
            // from a bug rather than a race, this is what it is diagnosed from
            StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.warnf("Refused a record another request created at the same time (SQLState %s, constraint %s, %s at %s)",
                    sqlState, constraintOf(e), e.getClass().getName(), where);
            return respond(Problem.of(409, "Conflict", "another request created the same record at the same time; "
                    + "nothing was stored from this one: read what is there before trying again"));
        }
        if (sqlState != null && CLIENT_DATA_SQL_STATES.contains(sqlState)) {
            // the client's text or date cannot be stored as given (a NUL character, a year 100000, a string longer
            // than its column): the transaction rolled back, nothing was stored. The database's message may quote
            // the value, so neither it nor the value is logged or returned.
            LOG.infof("Refused a value the database cannot store (SQLState %s)", sqlState);
            return respond(Problem.of(400, "Invalid request", "a value cannot be stored or searched for as given: text"
                    + " with a NUL character (\\u0000), text longer than allowed, or a number or date out of range"));
        }
        if (DatabaseAway.in(e)) {
            // not the request's fault, and not a bug: the database is away (restarting, failing over, out of
            // connections). A 503 tells a client to try again; readiness says the same to an orchestrator.
            LOG.warnf("Database unavailable (%s%s); answered 503", e.getClass().getName(),
                    sqlState == null ? "" : ", SQLState " + sqlState);
            return Response.fromResponse(respond(Problem.of(503, "Service Unavailable",
                    "the service's database is not reachable at the moment; nothing was stored, try again shortly")))
                    .header("Retry-After", "5").build();
        }
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        LOG.errorf("Unexpected %s at %s%s", e.getClass().getName(), where,
                sqlState == null ? "" : ", SQLState " + sqlState);
        LOG.debug("Unexpected exception", e);
        return respond(Problem.of(500, "Internal error", "the service could not answer; the error was logged"));
    }

    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * PostgreSQL's data exceptions that only a client's value causes: string_data_right_truncation,
     * numeric_value_out_of_range, invalid_datetime_format, datetime_field_overflow, character_not_in_repertoire
     * (a NUL in text), untranslatable_character.
     */
    private static final java.util.Set<String> CLIENT_DATA_SQL_STATES = java.util.Set.of("22001", "22003", "22007",
            "22008", "22021", "22P05");

    /**
     * The SQLState of the first database error among the causes (its message, which may quote values, is never
     * logged); null when there is none.
     */
    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** The name of the constraint a PostgreSQL error names (never its message, which may quote values), or "?". */
    private static String constraintOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                    && psql.getServerErrorMessage().getConstraint() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return "?";
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String field(ConstraintViolation<?> violation) {
        // "register.request.name" -> "name": the method and parameter names mean nothing to the caller
        StringBuilder field = new StringBuilder();
        int index = 0;
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            if (index <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                continue;
            }
            if (node.getIndex() != null && node.getName() != null && node.getName().startsWith("<")) {
                field.append('[').append(node.getIndex()).append(']');
                continue;
            }
            if (!field.isEmpty() && node.getName() != null) {
                field.append('.');
            }
            if (node.getName() != null) {
                field.append(node.getName());
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        if (field.isEmpty() && parameter != null && isPlainValue(violation.getInvalidValue())) {
            // a constraint on a query or path parameter itself ("search.page" -> "page"); the resources name their
            // Java parameters as their query parameters
            return parameter;
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** A query or path parameter's value, as opposed to a request body checked as a whole. */
    private static boolean isPlainValue(Object value) {
        return value instanceof Number || value instanceof CharSequence || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof java.time.temporal.Temporal
                || value instanceof java.util.UUID;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
