package org.alliancepulse.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request whose declared body is larger than the HTTP limit is refused with a 413 problem, before anything reads
 * it. Quarkus refuses it too, but with an empty body, which a client cannot tell from a proxy's error; this answers
 * first, with the same limit ({@code quarkus.http.limits.max-body-size}). A chunked body without a length still
 * meets Quarkus's own bodiless 413 when it goes over.
 */
@ApplicationScoped
public class BodyTooLarge {

    /** Before every other route (authentication included): the answer does not depend on who asks. */
    static final int ORDER = Integer.MIN_VALUE + 100;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::refuseIfTooLarge);
    }

    void refuseIfTooLarge(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1; // the HTTP layer refuses a malformed length itself
        }
        if (length <= limit.asLongValue()) {
            context.next();
            return;
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,\"detail\":\"the request"
                + " body is " + length + " bytes; at most " + limit.asLongValue() + " are accepted. Nothing was "
                + "stored\"}";
        // The body is not read: closing the connection is the only way not to take it in. The header tells the
        // client; Vert.x keeps a keep-alive connection open whatever the response says, so it is closed once the
        // answer is out, as Quarkus's own upload limit does.
        context.response().endHandler(sent -> context.request().connection().close());
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
