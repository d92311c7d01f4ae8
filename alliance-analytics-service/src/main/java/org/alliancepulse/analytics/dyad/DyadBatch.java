package org.alliancepulse.analytics.dyad;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One transaction's worth of events about dyads (one event, or a poll's worth), and the rows they are recorded in.
 * Every client the events concern is locked up front, in one fixed order, so two consumers' batches never deadlock;
 * then those clients' rows are read in five queries ({@link ClientRows}) rather than row by row per event; the
 * handlers record into them and say which session or client they touched; at the end each touched dyad is
 * assessed once, however many of its events the batch held. Assessing reads the dyad's whole course, so once at the
 * end says the same as once per event.
 */
final class DyadBatch implements EventHandlers.PerTransaction {

    private final ClientLocks locks;
    private final DyadCourses courses;
    private final DyadAssessor assessor;

    private final Set<String> locked = new HashSet<>();
    private final Set<UUID> sessions = new HashSet<>();
    private final Set<UUID> clients = new HashSet<>();
    private final ClientRows rows = new ClientRows(DyadBatch::persist);

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
        rows.clear();
        // a client event's subject (its Kafka key) is the client id; a therapist's event locks its own id, harmlessly
        events.stream().map(IncomingEvent::subject).filter(Objects::nonNull).forEach(locked::add);
        locks.holdAll(locked);
        load(locked);
    }

    /**
     * Call before recording a client's event (the lock must come before anything is read). Normally the client was
     * locked and loaded with the batch; an event without a subject is dealt with here.
     */
    void lock(UUID clientId) {
        if (locked.add(clientId.toString())) {
            locks.holdAll(List.of(clientId.toString()));
            load(List.of(clientId.toString()));
        }
    }

    /** A session event was recorded: its dyad is assessed again. */
    void touchedSession(UUID sessionId) {
        sessions.add(sessionId);
    }

    /** An assignment, reassignment or ending was recorded: every dyad of the client is assessed again. */
    void touchedClient(UUID clientId) {
        clients.add(clientId);
    }

    @Override
    public void after() {
        Map<UUID, Dyad> dyads = new LinkedHashMap<>();
        sessions.stream().map(rows::session).filter(s -> s != null && s.sessionDate != null).map(s -> s.sessionDate)
                .min(Comparator.naturalOrder()).ifPresent(assessor::historyArrived);
        for (UUID clientId : clients) {
            rows.dyadsOf(clientId).forEach(dyad -> dyads.put(dyad.id, dyad));
        }
        for (UUID sessionId : sessions) {
            SessionRecord session = rows.session(sessionId);
            if (session == null) {
                continue;
            }
            if (session.episodeId != null) {
                Dyad dyad = rows.dyad(Dyad.idOf(session.clientId, session.episodeId, session.therapistId));
                if (dyad != null) {
                    dyads.put(dyad.id, dyad);
                }
            } else {
                courses.dyadOf(session).ifPresent(dyad -> dyads.put(dyad.id, dyad));
            }
        }
        assessor.reassessAll(dyads.values(), rows);
        if (!rows.clinicNames().isEmpty()) {
            io.quarkus.hibernate.orm.panache.Panache.getEntityManager().unwrap(org.hibernate.Session.class)
                    .doWork(connection -> ClinicNames.record(connection, rows.clinicNames()));
        }
    }

    /** The rows the batch's events are recorded in: its clients', read when they are locked. */
    DyadRows rows() {
        return rows;
    }

    /** The rows of these subjects: clients, or a therapist (a login) for a therapist's event. */
    private void load(Collection<String> subjects) {
        List<UUID> ids = new ArrayList<>();
        for (String subject : subjects) {
            try {
                ids.add(UUID.fromString(subject));
            } catch (IllegalArgumentException e) {
                // not an id of ours: nothing to load
            }
        }
        rows.load(ids);
    }

    private static void persist(Object row) {
        ((PanacheEntityBase) row).persist();
    }
}
