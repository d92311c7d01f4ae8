package org.alliancepulse.analytics.dyad;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.alliancepulse.analytics.access.TherapistLogin;

/**
 * The dyad state's rows of a set of clients, in memory. A live batch loads its clients' rows in a few queries and
 * records into them (new rows are persisted as they are added; found ones are managed, so changes are written at
 * the end) instead of looking up each event's rows on its own. A rebuild folds a partition's events into empty ones
 * and writes them all at once. Complete for the clients it holds: what is not here does not exist. Not thread-safe.
 */
public final class ClientRows implements DyadRows {

    private final Consumer<Object> onNew;

    private final Map<UUID, EpisodeOfCare> episodes = new HashMap<>();
    private final Map<UUID, Dyad> dyads = new HashMap<>();
    private final Map<UUID, List<Dyad>> dyadsByClient = new HashMap<>();
    private final Map<UUID, List<Dyad>> dyadsByEpisode = new HashMap<>();
    private final Map<UUID, List<EpisodeOfCare>> episodesByClient = new HashMap<>();
    private final Map<UUID, SessionRecord> sessions = new HashMap<>();
    private final Map<UUID, FeedbackMeasure> measures = new HashMap<>();
    private final Map<UUID, TherapistLogin> logins = new HashMap<>();
    private final Map<String, String> clinicNames = new java.util.LinkedHashMap<>();
    /** Empty rows that keep what is added in memory only (a rebuild's fold). */
    public ClientRows() {
        this(row -> {
        });
    }

    /** @param onNew what to do with a row the first time it is added (e.g. persist it) */
    public ClientRows(Consumer<Object> onNew) {
        this.onNew = onNew;
    }

    /**
     * Reads these clients' rows from the database (and the logins of these ids, as a therapist's event has the
     * therapist as subject), in five queries, in the caller's transaction: held, not announced as new.
     */
    public void load(Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return;
        }
        EpisodeOfCare.<EpisodeOfCare>list("clientId in ?1", clientIds).forEach(this::hold);
        Dyad.<Dyad>list("clientId in ?1 order by startedAt", clientIds).forEach(this::hold);
        SessionRecord.<SessionRecord>list("clientId in ?1", clientIds).forEach(s -> sessions.put(s.sessionId, s));
        FeedbackMeasure.<FeedbackMeasure>list("clientId in ?1", clientIds)
                .forEach(m -> measures.put(m.feedbackId, m));
        TherapistLogin.<TherapistLogin>list("therapistId in ?1", clientIds).forEach(l -> logins.put(l.therapistId, l));
        sessionsOfClient = null;
    }

    /** Forgets every row (a new transaction starts with nothing). */
    public void clear() {
        episodes.clear();
        dyads.clear();
        dyadsByClient.clear();
        dyadsByEpisode.clear();
        episodesByClient.clear();
        sessions.clear();
        measures.clear();
        logins.clear();
        clinicNames.clear();
        sessionsOfClient = null;
    }

    /** The client's dyads held here. */
    public List<Dyad> dyadsOf(UUID clientId) {
        return dyadsByClient.getOrDefault(clientId, List.of());
    }

    /** Indexes for {@link #courseOf}, built when first needed after the rows last changed. */
    private Map<UUID, List<SessionRecord>> sessionsOfClient;
    private Map<UUID, List<FeedbackMeasure>> measuresOfSession;

    @Override
    public EpisodeOfCare episode(UUID episodeId) {
        return episodes.get(episodeId);
    }

    @Override
    public EpisodeOfCare latestEpisodeOf(UUID clientId, Instant at) {
        EpisodeOfCare latest = null;
        for (EpisodeOfCare episode : episodesByClient.getOrDefault(clientId, List.of())) {
            if (!episode.startedAt.isAfter(at)
                    && (latest == null || episode.startedAt.isAfter(latest.startedAt))) {
                latest = episode;
            }
        }
        return latest;
    }

    @Override
    public Dyad dyad(UUID dyadId) {
        return dyads.get(dyadId);
    }

    @Override
    public Dyad dyadAt(UUID clientId, UUID therapistId, Instant at) {
        Dyad latest = null;
        for (Dyad dyad : dyadsByClient.getOrDefault(clientId, List.of())) {
            if (dyad.therapistId.equals(therapistId) && !dyad.startedAt.isAfter(at)
                    && (latest == null || dyad.startedAt.isAfter(latest.startedAt))) {
                latest = dyad;
            }
        }
        return latest;
    }

    @Override
    public List<Dyad> openDyadsOf(UUID episodeId) {
        return dyadsByEpisode.getOrDefault(episodeId, List.of()).stream().filter(d -> d.endedAt == null).toList();
    }

    @Override
    public SessionRecord session(UUID sessionId) {
        return sessions.get(sessionId);
    }

    @Override
    public FeedbackMeasure measure(UUID feedbackId) {
        return measures.get(feedbackId);
    }

    @Override
    public TherapistLogin login(UUID therapistId) {
        return logins.get(therapistId);
    }

    @Override
    public void add(EpisodeOfCare episode) {
        if (hold(episode)) {
            onNew.accept(episode);
        }
    }

    @Override
    public void add(Dyad dyad) {
        if (hold(dyad)) {
            onNew.accept(dyad);
        }
    }

    @Override
    public void add(SessionRecord session) {
        if (sessions.put(session.sessionId, session) == null) {
            sessionsOfClient = null;
            onNew.accept(session);
        }
    }

    @Override
    public void add(FeedbackMeasure measure) {
        if (measures.put(measure.feedbackId, measure) == null) {
            sessionsOfClient = null;
            onNew.accept(measure);
        }
    }

    @Override
    public void add(TherapistLogin login) {
        if (logins.put(login.therapistId, login) == null) {
            onNew.accept(login);
        }
    }

    private boolean hold(EpisodeOfCare episode) {
        if (episodes.put(episode.episodeId, episode) == null) {
            episodesByClient.computeIfAbsent(episode.clientId, k -> new ArrayList<>()).add(episode);
            return true;
        }
        return false;
    }

    private boolean hold(Dyad dyad) {
        if (dyads.put(dyad.id, dyad) == null) {
            dyadsByClient.computeIfAbsent(dyad.clientId, k -> new ArrayList<>()).add(dyad);
            dyadsByEpisode.computeIfAbsent(dyad.episodeId, k -> new ArrayList<>()).add(dyad);
            sessionsOfClient = null;
            return true;
        }
        return false;
    }

    /** The dyad's course from the rows held (its client's must be held). */
    public DyadCourses.Course courseOf(Dyad dyad) {
        if (sessionsOfClient == null) {
            sessionsOfClient = new HashMap<>();
            sessions.values().forEach(s -> sessionsOfClient.computeIfAbsent(s.clientId, k -> new ArrayList<>()).add(s));
            measuresOfSession = new HashMap<>();
            measures.values().forEach(m -> measuresOfSession.computeIfAbsent(m.sessionId, k -> new ArrayList<>())
                    .add(m));
        }
        List<SessionRecord> ofPair = sessionsOfClient.getOrDefault(dyad.clientId, List.of()).stream()
                .filter(s -> s.therapistId.equals(dyad.therapistId)).toList();
        List<FeedbackMeasure> ofSessions = new ArrayList<>();
        ofPair.forEach(s -> ofSessions.addAll(measuresOfSession.getOrDefault(s.sessionId, List.of())));
        List<Dyad> pair = dyadsByClient.getOrDefault(dyad.clientId, List.of()).stream()
                .filter(d -> d.therapistId.equals(dyad.therapistId))
                .sorted(java.util.Comparator.comparing((Dyad d) -> d.startedAt)).toList();
        return DyadCourses.courseOf(dyad, pair, ofPair, ofSessions);
    }

    public Collection<Dyad> dyads() {
        return dyads.values();
    }

    @Override
    public void clinicNamed(String clinicId, String name) {
        clinicNames.put(clinicId, name);
    }

    /** The clinics named in this batch or fold, each by its latest name (written with {@link ClinicNames}). */
    public Map<String, String> clinicNames() {
        return clinicNames;
    }

    public Collection<TherapistLogin> logins() {
        return logins.values();
    }

    public Collection<EpisodeOfCare> episodes() {
        return episodes.values();
    }

    public Collection<SessionRecord> sessions() {
        return sessions.values();
    }

    public Collection<FeedbackMeasure> measures() {
        return measures.values();
    }

    public int size() {
        return logins.size() + episodes.size() + dyads.size() + sessions.size() + measures.size();
    }
}
