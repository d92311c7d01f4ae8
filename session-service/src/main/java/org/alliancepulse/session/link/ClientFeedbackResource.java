package org.alliancepulse.session.link;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.session.instrument.Instrument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;

/**
 * The client's side of a feedback link: no login, the token is the only key. JSON for programs, a small HTML form for
 * a browser on the same URL. Nothing here names the client, the therapist or the clinic.
 */
@Path("/api/feedback/{token}")
public class ClientFeedbackResource {

    /** A page or answer reached through a secret link is kept by no cache. */
    private static final String NO_STORE = "no-store";

    /**
     * The form's Content-Security-Policy: its own script and style only (no inline ones, no other site's), answers
     * sent only back to this service, never framed. The page is opened from a link in a message, on the client's own
     * device; an injected script there could read or change what the client tells the therapist.
     */
    static final String FORM_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"; // img: the favicon

    @Inject
    FeedbackLinks links;

    @Inject
    Template feedbackForm;

    @Schema(example = "{\"code\":\"SRS\",\"name\":\"Session Rating Scale\",\"items\":[{\"key\":\"relationship\",\"label\":null}],"
            + "\"min\":0,\"max\":10,\"decimals\":1,\"step\":0.1}")
    public record Question(String code, String name, List<Instrument.Item> items, BigDecimal min, BigDecimal max,
            int decimals, BigDecimal step) {

        static Question of(Instrument i) {
            return new Question(i.code(), i.name(), i.items(), i.min(), i.max(), i.decimals(),
                    BigDecimal.ONE.movePointLeft(i.decimals()));
        }
    }

    @Schema(example = "{\"expiresAt\":\"2026-11-30T15:00:00Z\",\"instruments\":[{\"code\":\"SRS\",\"name\":\"Session Rating Scale\","
            + "\"items\":[{\"key\":\"relationship\",\"label\":null},{\"key\":\"goals\",\"label\":null},{\"key\":\"approach\",\"label\":null},{\"key\":\"overall\",\"label\":null}],"
            + "\"min\":0,\"max\":10,\"decimals\":1,\"step\":0.1}]}")
    public record Questions(Instant expiresAt, List<Question> instruments) {
    }

    @Schema(example = "{\"answers\":{\"SRS\":[7,8,7.5,8]}}")
    public record Answers(@NotNull @Schema(implementation = Object.class, description = "by instrument code, each "
            + "instrument's answers: an array in item order or an object keyed by item key") JsonNode answers) {
    }

    /** What to answer: instrument keys, ranges, and the organisation's wording where it loaded one. */
    @Operation(summary = "What a feedback link asks (the client's form, as JSON)",
            description = "No login: the link is the key. Unknown, used and expired links and too many failed look-ups from"
                    + " one address are refused. Who may call: anyone with the link (no login).")
    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Questions.class)))
    @APIResponse(responseCode = "409", description = "The session has not begun yet: the link opens when it does")
    @APIResponse(responseCode = "410", description = "The link was used, has expired, or the session did not take "
            + "place or has all its answers")
    @APIResponse(responseCode = "429", description = "Too many failed look-ups from this address (Retry-After)")
    public Response questions(@PathParam("token") String token, @Context HttpServerRequest request) {
        FeedbackLinks.Opened opened = links.open(token, address(request));
        return Response.ok(new Questions(opened.link().expiresAt,
                opened.instruments().stream().map(Question::of).toList())).header("Cache-Control", NO_STORE).build();
    }

    /** The same link opened in a browser: the form, or in words why it cannot be answered. */
    @Operation(summary = "The client's feedback form (HTML)",
            description = "No login: the link is the key. Who may call: anyone with the link (no login).")
    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response form(@PathParam("token") String token, @Context HttpServerRequest request,
            @Context jakarta.ws.rs.core.HttpHeaders headers) {
        if (headers.getAcceptableMediaTypes().stream().noneMatch(MediaType.TEXT_HTML_TYPE::isCompatible)) {
            // neither JSON nor HTML was asked for (the framework falls back to this page; outside probe: an
            // Accept of application/xml got the form)
            throw new jakarta.ws.rs.NotAcceptableException();
        }
        try {
            FeedbackLinks.Opened opened = links.open(token, address(request));
            return Response.ok(feedbackForm.data("questions", opened.instruments().stream().map(Question::of).toList())
                    .data("problem", null).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", NO_STORE).header("Content-Security-Policy", FORM_POLICY)
                    .header("Referrer-Policy", "no-referrer").build();
        } catch (ProblemException e) {
            // a page that will open later, or once the address may try again, does not say it cannot be used
            // (outside probe: the 429 of a valid link read as final)
            String heading = switch (e.problem().status()) {
                case 429 -> "Please try again later";
                case 409 -> "Not open yet";
                default -> "This link cannot be used";
            };
            Response.ResponseBuilder page = Response.status(e.problem().status())
                    .entity(feedbackForm.data("questions", List.of()).data("problem", e.problem().detail())
                            .data("heading", heading).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", NO_STORE)
                    .header("Content-Security-Policy", FORM_POLICY).header("Referrer-Policy", "no-referrer");
            if (e.retryAfterSeconds() != null) {
                page.header("Retry-After", e.retryAfterSeconds()); // the 429 of too many failed attempts
            }
            return page.build();
        }
    }

    /** The client's answers, one per instrument the link asks for; the link is used up. */
    @Operation(summary = "The client's answers through their link",
            description = "Every instrument the link asks for, checked as staff feedback is; the link is then used up. Who "
                    + "may call: anyone with the link (no login).")
    @POST
    @PermitAll
    @Transactional
    @Idempotent
    @APIResponse(responseCode = "201", description = "The answers were received", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "received", value = "{\"received\":true}")))
    @APIResponse(responseCode = "410", description = "The link was used, has expired, or the session did not take "
            + "place or has all its answers")
    @APIResponse(responseCode = "429", description = "Too many failed look-ups from this address (Retry-After)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "one instrument, keyed by item", value = """
                    {"answers":{"SRS":{"relationship":9,"goals":8.5,"approach":9,"overall":9}}}""")))
    public Response answer(@PathParam("token") String token, @NotNull Answers body,
            @Context HttpServerRequest request) {
        links.answer(token, address(request), body.answers());
        return Response.status(Response.Status.CREATED).entity(java.util.Map.of("received", true)).build();
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
