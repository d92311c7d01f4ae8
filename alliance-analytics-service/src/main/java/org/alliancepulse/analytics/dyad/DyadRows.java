package org.alliancepulse.analytics.dyad;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.analytics.access.TherapistLogin;

/**
 * Where {@link DyadRecorder} finds and keeps the rows of the dyad state: a live batch's clients' rows, read from the
 * database in a few queries ({@link DyadBatch}), or a rebuild's fold of a partition's events in memory
 * ({@link ClientRows}). One recorder, so the live state and a rebuilt one follow the same rules.
 */
public interface DyadRows {

    EpisodeOfCare episode(UUID episodeId);

    /** The client's latest episode that had begun by {@code at}, or null. */
    EpisodeOfCare latestEpisodeOf(UUID clientId, Instant at);

    Dyad dyad(UUID dyadId);

    /** The dyad of this client with this therapist that had begun by {@code at}: the latest such, or null. */
    Dyad dyadAt(UUID clientId, UUID therapistId, Instant at);

    /** The episode's dyads that have not ended. */
    List<Dyad> openDyadsOf(UUID episodeId);

    SessionRecord session(UUID sessionId);

    FeedbackMeasure measure(UUID feedbackId);

    TherapistLogin login(UUID therapistId);

    /** Keeps a new row (a row found here is kept with its changes anyway). */
    void add(EpisodeOfCare episode);

    void add(Dyad dyad);

    void add(SessionRecord session);

    void add(FeedbackMeasure measure);

    void add(TherapistLogin login);

    /** A clinic's name as intake announced it (the latest of the batch wins). */
    void clinicNamed(String clinicId, String name);
}
