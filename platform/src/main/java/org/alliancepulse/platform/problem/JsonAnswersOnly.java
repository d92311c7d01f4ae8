package org.alliancepulse.platform.problem;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every POST, PUT, PATCH and DELETE of these APIs answers JSON. A request whose {@code Accept} takes no JSON is a 406
 * before anything runs: it used to be carried out (a clinic registered, a session booked) and then answered with the
 * record's Java {@code toString()} as {@code application/xml}. A GET's formats (HTML pages, CSV, FHIR) are its
 * resource's to negotiate.
 */
public class JsonAnswersOnly {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @ServerRequestFilter
    public Optional<Response> refuseWhatCannotBeAnswered(ContainerRequestContext request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return Optional.empty();
        }
        boolean takesJson = request.getAcceptableMediaTypes().stream().anyMatch(accepted ->
                accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) || accepted.isCompatible(PROBLEM));
        if (takesJson) {
            return Optional.empty();
        }
        return Optional.of(Response.status(406).type(Problem.MEDIA_TYPE).entity(Problem.of(406, "Not Acceptable",
                "this operation answers application/json: send Accept: application/json, or no Accept")).build());
    }
}
