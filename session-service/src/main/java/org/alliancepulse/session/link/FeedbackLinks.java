package org.alliancepulse.session.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.alliancepulse.platform.problem.Problem;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.session.feedback.Feedback;
import org.alliancepulse.session.feedback.FeedbackCommands;
import org.alliancepulse.session.instrument.Instrument;
import org.alliancepulse.session.instrument.InstrumentCatalog;
import org.alliancepulse.session.session.Session;

import com.fasterxml.jackson.databind.JsonNode;

/** Issues one-time links, opens them for a client, and records the client's answers through them. */
@ApplicationScoped
public class FeedbackLinks {

    /** Who entered feedback that came through a link: the client, who has no login. */
    public static final String CLIENT = "client-link";

    @Inject
    FeedbackLinkConfig config;

    @Inject
    InstrumentCatalog catalog;

    @Inject
    FeedbackCommands feedback;

    @Inject
    LinkFailures failures;

    /** A new link: the token is handed out once, here, and never stored. */
    public record Issued(String token, FeedbackLink link) {
    }

    /** An open link with the session it belongs to and its instruments in order. */
    public record Opened(FeedbackLink link, Session session, List<Instrument> instruments) {
    }

    /** Runs in the caller's transaction. */
    public Issued issue(Session session, List<String> instrumentCodes, Duration lifetime, String by) {
        if (instrumentCodes == null || instrumentCodes.isEmpty()) {
            throw ProblemException.invalid("instruments", "name at least one instrument");
        }
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(instrumentCodes.stream()
                .map(code -> code == null ? null : InstrumentCatalog.canonical(code)).toList()));
        for (String code : codes) {
            catalog.require(code, "instruments");
            if (Feedback.exists(session.id, code)) {
                throw ProblemException.conflict(code + " feedback for this session was already given");
            }
        }
        Duration life = lifetime == null ? config.lifetime() : lifetime;
        if (life.isNegative() || life.isZero() || life.compareTo(config.maxLifetime()) > 0) {
            throw ProblemException.invalid("expiresInHours", "must be between 1 and " + config.maxLifetime().toHours()
                    + " hours");
        }
        if (!tookOrMayTakePlace(session)) {
            throw ProblemException.conflict("this session did not take place (" + session.status + ")");
        }
        Instant now = Instant.now();
        if (!now.plus(life).isAfter(session.scheduledAt)) {
            // feedback is given after a session: a link that expires before it begins could never be answered
            throw ProblemException.unprocessable("the link would expire before the session begins (at "
                    + session.scheduledAt + "); issue it nearer the session, or for longer (expiresInHours)");
        }
        String token = LinkTokens.newToken();
        FeedbackLink link = new FeedbackLink();
        link.tokenHash = LinkTokens.hash(token);
        link.sessionId = session.id;
        link.instruments = String.join(",", codes);
        link.createdBy = by;
        link.createdAt = now;
        link.expiresAt = link.createdAt.plus(life);
        link.persist();
        return new Issued(token, link);
    }

    /**
     * @throws ProblemException 429 after too many failures from this address, 404 for an unknown token, 410 for a
     *         used or expired one (each failure counted against the address)
     */
    public Opened open(String token, String address) {
        if (failures.tooMany(address)) {
            // at most a window from now the failures counted have left it
            throw ProblemException.tooManyRequests("too many failed attempts from your address; try again later",
                    config.failureWindow().toSeconds());
        }
        FeedbackLink link = token == null || token.length() > 200 ? null : FeedbackLink.findById(LinkTokens.hash(token));
        if (link == null) {
            failures.record(address);
            throw ProblemException.notFound("this feedback link does not exist");
        }
        if (link.usedAt != null) {
            failures.record(address);
            throw gone("this feedback link was already used; thank you, your answers were received");
        }
        if (!Instant.now().isBefore(link.expiresAt)) {
            failures.record(address);
            throw gone("this feedback link has expired; please ask your therapist for a new one");
        }
        Session session = Session.findById(link.sessionId);
        // a link that can no longer be answered says so when it is opened, not after the client filled the form in
        // (outside probe): the session was missed or cancelled since, or every answer it asks for was entered since
        if (!tookOrMayTakePlace(session)) {
            throw gone("this session did not take place, so there is nothing to answer; thank you");
        }
        List<Instrument> instruments = new ArrayList<>();
        link.instrumentCodes().stream().filter(code -> !Feedback.exists(session.id, code))
                .forEach(code -> instruments.add(catalog.require(code, "instruments")));
        if (instruments.isEmpty()) {
            throw gone("the answers for this session were already received; thank you");
        }
        if (session.scheduledAt.isAfter(Instant.now())) {
            throw ProblemException.conflict("this form opens when your session begins ("
                    + session.scheduledAt + "); please come back afterwards");
        }
        return new Opened(link, session, instruments);
    }

    private static boolean tookOrMayTakePlace(Session session) {
        return session.status == Session.Status.SCHEDULED || session.status == Session.Status.ATTENDED;
    }

    /**
     * Records the answers to every instrument the link still asks for and uses the link up. Answers to one entered
     * since the link was opened (by staff, from paper) are not taken: the first answer stands, as for any feedback.
     * Runs in the caller's transaction.
     */
    public void answer(String token, String address, JsonNode answers) {
        if (token != null && token.length() <= 200) {
            // the form sent twice at once (a double tap, a retry): the second waits here for the first, then finds
            // the link used (410) rather than answers already there (a 409 meant for staff)
            FeedbackLink.findById(LinkTokens.hash(token), LockModeType.PESSIMISTIC_WRITE);
        }
        Opened opened = open(token, address);
        if (answers == null || !answers.isObject()) {
            throw ProblemException.invalid("answers", "must be an object keyed by instrument code");
        }
        // an instrument's code in any case is the instrument, as in a path or a staff body
        List<String> asked = opened.link().instrumentCodes();
        Map<String, JsonNode> given = new HashMap<>();
        answers.fields().forEachRemaining(entry -> {
            String code = InstrumentCatalog.canonical(entry.getKey());
            if (!asked.contains(code)) {
                throw ProblemException.invalid("answers." + entry.getKey(), "this link does not ask for "
                        + entry.getKey());
            }
            if (given.put(code, entry.getValue()) != null) {
                throw ProblemException.invalid("answers." + entry.getKey(), code + " is answered twice");
            }
        });
        List<Map.Entry<Session, FeedbackCommands.Checked>> checked = new ArrayList<>();
        for (String code : opened.instruments().stream().map(Instrument::code).toList()) {
            if (!given.containsKey(code)) {
                throw ProblemException.invalid("answers." + code, "is missing");
            }
            checked.add(Map.entry(opened.session(), feedback.check(code, given.get(code), "answers." + code)));
        }
        for (var entry : checked) {
            feedback.submit(entry.getKey(), entry.getValue(), null, CLIENT);
        }
        opened.link().usedAt = Instant.now();
    }

    private static ProblemException gone(String detail) {
        return new ProblemException(Problem.of(410, "Gone", detail));
    }
}
