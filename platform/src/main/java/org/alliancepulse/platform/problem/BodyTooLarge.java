package org.alliancepulse.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
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

    /** How long a refused body may go on arriving before the connection is closed on it. */
    static final long LINGER_MILLIS = 2_000;

    /** How much of a refused body is thrown away before the connection is closed on it. */
    static final long LINGER_BYTES = 16L * 1024 * 1024;

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
        lingerThenClose(context);
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    /**
     * Closes an HTTP/1.x connection once the refusal is out, so the rest of the body is not taken in: Vert.x keeps a
     * keep-alive connection open whatever the response says. Closing at once would break the many clients that send
     * the whole body before they read the answer (they meet a reset and never see the 413), so the connection lingers
     * as a web server's does: what still arrives is thrown away, and the connection closes when the body ends, after
     * {@link #LINGER_MILLIS} or after {@link #LINGER_BYTES}, whichever comes first. An HTTP/2 connection carries other
     * streams and stays open; its stream's data is thrown away.
     */
    private static void lingerThenClose(RoutingContext context) {
        var request = context.request();
        if (request.version() == HttpVersion.HTTP_2) {
            request.handler(discarded -> { });
            request.resume();
            return;
        }
        var connection = request.connection();
        long[] received = {0};
        Runnable close = () -> {
            if (context.response().ended()) {
                connection.close();
            } else {
                context.response().endHandler(sent -> connection.close());
            }
        };
        long timer = context.vertx().setTimer(LINGER_MILLIS, fired -> close.run());
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > LINGER_BYTES) {
                context.vertx().cancelTimer(timer);
                close.run();
            }
        });
        request.endHandler(ended -> {
            context.vertx().cancelTimer(timer);
            close.run();
        });
        request.resume();
    }
}
