package org.alliancepulse.platform.idempotency;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Carries out {@link Idempotent}: with an {@code Idempotency-Key} header, the first request with a key runs and its
 * answer is stored; a later one with the same key and the same request gets that answer again (same status and body,
 * plus {@code Idempotent-Replayed: true}) and creates nothing; the same key with a different request is a 422.
 *
 * <ul>
 * <li><b>Atomic with the creation.</b> The priority places this interceptor inside {@code @Transactional}
 * ({@code PLATFORM_BEFORE + 200}; larger runs inner), so the key, the created rows and their outbox events commit
 * together or not at all. A retry arriving while the first request is still running waits for it on the key's
 * primary key and then gets its answer, instead of a "try again" error.</li>
 * <li><b>Only successes are remembered.</b> An exception or an answer of 400 or more marks the transaction for
 * rollback, so the key is stored with nothing and the client may send it again with a corrected request. (Stricter
 * than plain {@code @Transactional}, which commits on checked exceptions: a creating request either succeeds once or
 * leaves no trace.)</li>
 * <li><b>Per caller.</b> Keys are scoped by the token's subject, so one user's key never returns another user's
 * answer. Anonymous requests share one scope; an open endpoint that uses this must carry its secret (a feedback
 * link token) in the path or body, which the fingerprint covers.</li>
 * <li><b>Same request</b> means same HTTP method, same path and the same parameter values, compared as canonical
 * JSON (see {@link RequestFingerprint}): key order and white space do not matter, a changed value does.</li>
 * <li>This runs outside bean validation ({@code PLATFORM_AFTER + 800}), so a reused key is judged before the body;
 * security checks run before both.</li>
 * </ul>
 *
 * Keys are kept at least {@link IdempotencyConfig#retention()} (24 h by default) and then forgotten. A replay
 * carries the stored status, JSON body and {@code Location} (a 201's); no other response header is stored (no
 * creating endpoint sets one).
 */
@Idempotent
@Interceptor
@Priority(IdempotencyInterceptor.PRIORITY)
public class IdempotencyInterceptor {

    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 300;

    private static final String ANONYMOUS = "anonymous";

    @Inject
    HttpHeaders headers;

    @Inject
    UriInfo uri;

    @Inject
    Request request;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller login;

    @Inject
    TransactionManager transactions;

    @Inject
    IdempotentRequests requests;

    @Inject
    ObjectMapper json;

    @Inject
    Event<IdempotentReplayed> replayed;

    @AroundInvoke
    Object honourIdempotencyKey(InvocationContext invocation) throws Exception {
        Optional<String> header = key();
        if (header.isEmpty()) {
            return invocation.proceed();
        }
        requireTransactionAndResponse(invocation.getMethod());
        String key = header.get();
        String caller = caller();
        String fingerprint = RequestFingerprint.of(request.getMethod(), uri.getPath(), arguments(invocation), json);

        while (!requests.claim(caller, key, fingerprint)) {
            Optional<IdempotentRequests.Stored> stored = requests.find(caller, key);
            if (stored.isEmpty()) {
                continue; // purged between the two statements: claim it afresh
            }
            if (!stored.get().fingerprint().equals(fingerprint)) {
                throw ProblemException.unprocessable("this " + Idempotent.HEADER
                        + " was already used for a different request; send a new key for a new request");
            }
            AnswerShownOnce once = invocation.getMethod().getAnnotation(AnswerShownOnce.class);
            if (once != null) {
                throw ProblemException.conflict("a request with this " + Idempotent.HEADER + " succeeded already; "
                        + "its answer holds a secret that is shown once and never stored: " + once.instead());
            }
            // the login, as every other audit row names the actor (the key's scope, the token's subject, is not)
            replayed.fire(new IdempotentReplayed(login(), request.getMethod(), uri.getPath(), stored.get().status(),
                    stored.get().body()));
            return replay(stored.get());
        }

        Response response;
        try {
            response = (Response) invocation.proceed();
        } catch (Exception e) {
            transactions.setRollbackOnly();
            throw e;
        }
        if (response.getStatus() >= 400) {
            transactions.setRollbackOnly();
            return response;
        }
        boolean secret = invocation.getMethod().isAnnotationPresent(AnswerShownOnce.class);
        requests.complete(caller, key, response.getStatus(), secret ? null : body(response),
                secret || response.getLocation() == null ? null : response.getLocation().toString());
        return response;
    }

    private Optional<String> key() {
        List<String> values = headers.getRequestHeader(Idempotent.HEADER);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ProblemException.invalid(Idempotent.HEADER, "send one key, not " + values.size());
        }
        String key = values.get(0);
        if (key.isEmpty() || key.length() > Idempotent.MAX_KEY_LENGTH
                || !key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw ProblemException.invalid(Idempotent.HEADER, "must be 1 to " + Idempotent.MAX_KEY_LENGTH
                    + " visible ASCII characters without spaces, e.g. a UUID");
        }
        return Optional.of(key);
    }

    private void requireTransactionAndResponse(Method method) throws SystemException {
        if (transactions.getStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("@Idempotent " + method + " must run in a transaction (@Transactional)");
        }
        if (!Response.class.equals(method.getReturnType())) {
            throw new IllegalStateException("@Idempotent " + method + " must return a Response");
        }
    }

    /** The login name, for the record, as every service names people ({@link Caller#username()}). */
    private String login() {
        return identity.isAnonymous() ? ANONYMOUS : login.username();
    }

    /** The token's subject: stable for a user, unlike the login name. */
    private String caller() {
        if (identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return principal.getName();
    }

    /** The values the method receives from the request (path, query, body); context objects say nothing about it. */
    private static List<Object> arguments(InvocationContext invocation) {
        Parameter[] parameters = invocation.getMethod().getParameters();
        Object[] values = invocation.getParameters();
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isAnnotationPresent(Context.class)) {
                arguments.add(values[i]);
            }
        }
        return arguments;
    }

    private String body(Response response) throws JsonProcessingException {
        // the same ObjectMapper Quarkus REST writes the entity with, so the stored body is the one sent
        return response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
    }

    private static Response replay(IdempotentRequests.Stored stored) {
        Response.ResponseBuilder answer = Response.status(stored.status()).header(Idempotent.REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            answer.type(MediaType.APPLICATION_JSON_TYPE).entity(stored.body());
        }
        if (stored.location() != null) {
            answer.location(URI.create(stored.location()));
        }
        return answer.build();
    }
}
