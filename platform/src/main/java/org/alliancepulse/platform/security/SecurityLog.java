package org.alliancepulse.platform.security;

import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Refused requests, one line each on the logger {@value #CATEGORY}, for the operators who watch for someone trying
 * tokens or reaching outside their clinic: a 401 (no token, or one not accepted), a 403 (a role that may not), and
 * a 404 that hides another clinic's or another therapist's record ({@code ProblemException.outOfScope}). The caller
 * gets the same answer as before; the line says who (login, roles, clinic), what (method and path) and from where.
 *
 * <p>Key=value pairs so a log shipper can read them. Never the query string: a search names a person
 * ({@code ?name=...}); paths carry only ids. Never a token.
 */
@ApplicationScoped
public class SecurityLog {

    /** The logger's name: route it to the security monitoring, or raise its level to silence it. */
    public static final String CATEGORY = "alliance-pulse.security";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    /** A request without a token, or with one this service does not accept (expired, foreign, badly signed). */
    public void unauthenticated(HttpServerRequest request, boolean tokenGiven) {
        LOG.infof("event=REFUSED status=401 method=%s path=%s from=%s reason=\"%s\"", request.method(), request.path(),
                from(request), tokenGiven ? "token not accepted" : "no token");
    }

    /**
     * A signed-in caller refused: 403 for a role that may not, 404 for a record outside their scope.
     *
     * @param reason the detail the caller was given (it names no person)
     */
    public void refused(HttpServerRequest request, int status, String reason) {
        String who = identity == null || identity.isAnonymous() ? "user=- roles=- clinic=-"
                : "user=" + caller.username() + " roles=" + String.join(",", new TreeSet<>(identity.getRoles()))
                        + " clinic=" + caller.clinicId().orElse("-");
        LOG.infof("event=REFUSED status=%d method=%s path=%s %s from=%s reason=\"%s\"", status, request.method(),
                request.path(), who, from(request), reason == null ? "" : reason.replace('"', '\''));
    }

    private static String from(HttpServerRequest request) {
        return request.remoteAddress() == null ? "-" : request.remoteAddress().hostAddress();
    }
}
