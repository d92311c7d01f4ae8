package org.alliancepulse.analytics.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client intake erased. The only free text this service keeps is an alert's acknowledgement note, which a person
 * may have written the client's name into: it goes with the erasure, and none is taken for the client afterwards.
 */
@Entity
@Table(name = "erased_client")
public class ErasedClient extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Records the erasure (once) and forgets the notes written on the client's alerts. */
    public static void erase(UUID clientId, Instant erasedAt) {
        if (findById(clientId) == null) {
            ErasedClient erased = new ErasedClient();
            erased.clientId = clientId;
            erased.erasedAt = erasedAt;
            erased.persist();
        }
        // through the entities, not a bulk update: alerts of this client already read in the batch stay the same
        Alert.<Alert>list("clientId = ?1 and acknowledgementNote is not null", clientId)
                .forEach(alert -> alert.acknowledgementNote = null);
    }

    public static boolean erased(UUID clientId) {
        return findById(clientId) != null;
    }
}
