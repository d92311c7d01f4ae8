package org.alliancepulse.analytics.dyad;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.alliancepulse.analytics.assessment.DyadAssessor;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.IncomingEvent;

/**
 * One transaction's worth of events about dyads (one event, or a poll's worth): every client they concern is
 * locked up front, in one fixed order, so two consumers' batches never deadlock; the handlers only record and say
 * which session or client they touched; at the end each touched dyad is assessed once, however many of its events
 * the batch held. Assessing reads the dyad's whole course, so once at the end says the same as once per event.
 */
final class DyadBatch implements EventHandlers.PerTransaction {

    private final ClientLocks locks;
    private final DyadCourses courses;
    private final DyadAssessor assessor;

    private final Set<String> locked = new HashSet<>();
    private final Set<UUID> sessions = new HashSet<>();
    private final Set<UUID> clients = new HashSet<>();

    DyadBatch(ClientLocks locks, DyadCourses courses, DyadAssessor assessor) {
        this.locks = locks;
        this.courses = courses;
        this.assessor = assessor;
    }

    @Override
    public void before(List<IncomingEvent> events) {
        locked.clear();
        sessions.clear();
        clients.clear();
        // a client event's subject (its Kafka key) is the client id; a therapist's event locks its own id, harmlessly
        events.stream().map(IncomingEvent::subject).filter(Objects::nonNull).forEach(locked::add);
        locks.holdAll(locked);
    }

    /**
     * Call before recording a client's event (the lock must come before anything is read). Normally the client was
     * locked with the batch; an event without a subject is locked here.
     */
    void lock(UUID clientId) {
        if (locked.add(clientId.toString())) {
            locks.holdAll(List.of(clientId.toString()));
        }
    }

    /** A session event was recorded: its dyad is assessed again. */
    void session(UUID sessionId) {
        sessions.add(sessionId);
    }

    /** An assignment, reassignment or ending was recorded: every dyad of the client is assessed again. */
    void client(UUID clientId) {
        clients.add(clientId);
    }

    @Override
    public void after() {
        Map<UUID, Dyad> dyads = new LinkedHashMap<>();
        for (UUID clientId : clients) {
            Dyad.ofClient(clientId).forEach(dyad -> dyads.put(dyad.id, dyad));
        }
        for (UUID sessionId : sessions) {
            SessionRecord session = SessionRecord.findById(sessionId);
            if (session != null) {
                courses.dyadOf(session).ifPresent(dyad -> dyads.put(dyad.id, dyad));
            }
        }
        assessor.reassessAll(dyads.values());
    }
}
