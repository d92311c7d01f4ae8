package org.alliancepulse.contracts;

/**
 * The data of one event. Implementations are records in this module and carry no PHI: ids, the pseudonymous client
 * code, clinic ids, dates and scores, never a client's name, contact or date of birth.
 */
public interface EventPayload {

    /**
     * The id of the aggregate whose order matters: the Kafka record key and the CloudEvent subject. Per-key order is
     * the only order consumers may rely on.
     */
    String aggregateId();
}
