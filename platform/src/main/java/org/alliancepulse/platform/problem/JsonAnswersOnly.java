package org.alliancepulse.platform.problem;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An operation answers in the formats it produces ({@code @Produces}; JSON where it names none): a request whose
 * {@code Accept} takes none of them is a 406 before anything runs. A POST used to be carried out (a clinic
 * registered, a session booked) and then answered with the record's Java {@code toString()} as
 * {@code application/xml}; a GET asked for CSV or FHIR XML got JSON all the same (outside probe). A problem's own
 * type is always acceptable where JSON is.
 */
public class JsonAnswersOnly {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON_TYPE);

    @ServerRequestFilter
    public Optional<Response> refuseWhatCannotBeAnswered(ContainerRequestContext request, ResourceInfo resource) {
        String method = request.getMethod();
        if ("HEAD".equals(method) || "OPTIONS".equals(method)) {
            return Optional.empty();
        }
        List<MediaType> offered = producedBy(resource);
        boolean answerable = request.getAcceptableMediaTypes().stream().anyMatch(accepted ->
                offered.stream().anyMatch(accepted::isCompatible)
                        || offered.contains(MediaType.APPLICATION_JSON_TYPE) && accepted.isCompatible(PROBLEM));
        if (answerable) {
            return Optional.empty();
        }
        String names = String.join(", ", offered.stream().map(MediaType::toString).toList());
        return Optional.of(Response.status(406).type(Problem.MEDIA_TYPE).entity(Problem.of(406, "Not Acceptable",
                "this operation answers " + names + ": send an Accept that takes it, or no Accept")).build());
    }

    /** The types the matched method answers in: its own {@code @Produces}, its class's, or JSON. */
    static List<MediaType> producedBy(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return JSON;
        }
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = resource.getResourceClass().getAnnotation(Produces.class);
        }
        if (produces == null) {
            return JSON;
        }
        return Arrays.stream(produces.value()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> MediaType.valueOf(value.strip())).toList();
    }
}
