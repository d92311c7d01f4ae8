package org.alliancepulse.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer carries, whoever wrote it (the API, the pages, their scripts and styles, the ops endpoints
 * under {@code /q}), unless it set its own. Most answers are about a client's care (and intake's name them):
 * {@code Cache-Control: no-store}, so no browser, proxy or shared machine keeps a copy; {@code X-Content-Type-Options:
 * nosniff}, so a browser never reads JSON or text as HTML or script; {@code X-Frame-Options: DENY}, so no other site
 * can frame a page or the client's feedback form. Set on the HTTP layer rather than in a REST filter: static files
 * never pass through one, and an outside probe found the pages' scripts served without them.
 */
@ApplicationScoped
public class ResponseHeaders {

    /** Before everything else, so that even a refusal written by another handler is covered. */
    static final int ORDER = Integer.MIN_VALUE + 50;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::addWhenWritten);
    }

    void addWhenWritten(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> addTo(context.response().headers()));
        context.next();
    }

    static void addTo(MultiMap headers) {
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        if (!headers.contains("X-Content-Type-Options")) {
            headers.set("X-Content-Type-Options", "nosniff");
        }
        if (!headers.contains("X-Frame-Options")) {
            headers.set("X-Frame-Options", "DENY");
        }
    }
}
