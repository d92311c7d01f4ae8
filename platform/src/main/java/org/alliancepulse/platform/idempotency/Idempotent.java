package org.alliancepulse.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a creating endpoint that honours an {@value #HEADER} header: a retry with the same key (after a timeout, say)
 * gets the first answer back and creates nothing twice; the same key with a different request is a 422.
 *
 * <p>The method must be {@code @Transactional} (the key is stored in the transaction that creates) and return
 * {@link jakarta.ws.rs.core.Response} (so a stored answer can be returned in its place). Without the header the
 * request runs as if the annotation were absent. See {@link IdempotencyInterceptor} for the rules, and
 * {@link IdempotencyKeyDocumentation} for how the header reaches the OpenAPI document.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Idempotent {

    /** The request header carrying the client's key, as Stripe and the IETF draft name it. */
    String HEADER = "Idempotency-Key";

    /** Set to {@code true} on an answer that was stored by an earlier request with the same key. */
    String REPLAYED_HEADER = "Idempotent-Replayed";

    /** The longest key accepted; a UUID (36) is what clients are told to send. */
    int MAX_KEY_LENGTH = 255;
}
