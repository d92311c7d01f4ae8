package org.alliancepulse.analytics.dyad;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.alliancepulse.analytics.access.TherapistLogin;

/** The dyad state's rows in the database, in the caller's transaction: what live events are recorded in. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DatabaseRows implements DyadRows {

    @Override
    public EpisodeOfCare episode(UUID episodeId) {
        return EpisodeOfCare.findById(episodeId);
    }

    @Override
    public EpisodeOfCare latestEpisodeOf(UUID clientId, Instant at) {
        return EpisodeOfCare.<EpisodeOfCare>find("clientId = ?1 and startedAt <= ?2 order by startedAt desc",
                clientId, at).firstResult();
    }

    @Override
    public Dyad dyad(UUID dyadId) {
        return Dyad.findById(dyadId);
    }

    @Override
    public Dyad dyadAt(UUID clientId, UUID therapistId, Instant at) {
        return Dyad.at(clientId, therapistId, at);
    }

    @Override
    public List<Dyad> openDyadsOf(UUID episodeId) {
        return Dyad.list("episodeId = ?1 and endedAt is null", episodeId);
    }

    @Override
    public SessionRecord session(UUID sessionId) {
        return SessionRecord.findById(sessionId);
    }

    @Override
    public FeedbackMeasure measure(UUID feedbackId) {
        return FeedbackMeasure.findById(feedbackId);
    }

    @Override
    public TherapistLogin login(UUID therapistId) {
        return TherapistLogin.findById(therapistId);
    }

    @Override
    public void add(EpisodeOfCare episode) {
        episode.persist();
    }

    @Override
    public void add(Dyad dyad) {
        dyad.persist();
    }

    @Override
    public void add(SessionRecord session) {
        session.persist();
    }

    @Override
    public void add(FeedbackMeasure measure) {
        measure.persist();
    }

    @Override
    public void add(TherapistLogin login) {
        login.persist();
    }
}
