package org.alliancepulse.platform.idempotency;

/**
 * Fired (synchronously, in the request's transaction) when a retry is answered from the stored response instead of
 * running again: a service whose answers can hold personal data audits the replay as a read (intake's PHI access
 * log), since the stored body was handed out once more.
 *
 * @param caller the caller's login ({@code preferred_username}), as audit records name people
 * @param path the request path, e.g. {@code /api/clients}
 * @param body the stored JSON answer, or null
 */
public record IdempotentReplayed(String caller, String method, String path, int status, String body) {
}
