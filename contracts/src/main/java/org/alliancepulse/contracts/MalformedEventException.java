package org.alliancepulse.contracts;

/** An event that can never be processed as it is: a poison message, bound for a dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
