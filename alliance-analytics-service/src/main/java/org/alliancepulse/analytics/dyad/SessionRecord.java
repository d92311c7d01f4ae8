package org.alliancepulse.analytics.dyad;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A session as session-service announced it: when, its number in the episode, and who came. */
@Entity
@Table(name = "session_record")
public class SessionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Version
    public long version;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "client_code")
    public String clientCode;

    /** Null for sessions announced before episodes existed. */
    @Column(name = "episode_id")
    public UUID episodeId;

    /** The session's number in its episode; null for sessions announced before numbers existed. */
    @Column(name = "session_number")
    public Integer sessionNumber;

    /** When the session was to start: the event time every rule works on. */
    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    /** ATTENDED, NO_SHOW, CANCELLED_BY_CLIENT or CANCELLED_BY_CLINIC; null until recorded. */
    public String attendance;

    /** For a client's cancellation: whether it came late. */
    @Column(name = "cancelled_late")
    public Boolean cancelledLate;

    /** The client's sessions with this therapist, by time. */
    public static List<SessionRecord> ofClientAndTherapist(UUID clientId, UUID therapistId) {
        return list("clientId = ?1 and therapistId = ?2 order by scheduledAt, sessionNumber", clientId, therapistId);
    }
}
