package org.alliancepulse.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link Idempotent} method whose answer holds a secret that must never be stored (a feedback link's token):
 * the key is kept, so a retry still creates nothing twice, but not the answer; the retry gets a 409 saying the answer
 * was shown once, instead of the secret from the idempotency table.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnswerShownOnce {

    /** What the retry is told to do instead, e.g. "issue a new link". */
    String instead();
}
