package org.alliancepulse.intake.client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.intake.ClientErased;
import org.alliancepulse.contracts.intake.ClientRegistered;
import org.alliancepulse.intake.audit.PhiAccessLog;
import org.alliancepulse.intake.clinic.Clinic;
import org.alliancepulse.intake.episode.CareAssignment;
import org.alliancepulse.intake.episode.EpisodeService;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** Intake, search and erasure of clients; every touch of PHI is audited in the same transaction. */
@ApplicationScoped
public class ClientService {

    @Inject
    org.alliancepulse.platform.idempotency.IdempotentRequests idempotentRequests;

    @Inject
    Outbox outbox;

    @Inject
    EpisodeService episodes;

    @Inject
    DataSource dataSource;

    public Client register(String actor, Intake intake) {
        if (Clinic.findById(intake.clinicId()) == null) {
            throw ProblemException.invalid("clinicId", "no clinic with this id is registered");
        }
        String firstName = PersonNames.stored(intake.firstName());
        String lastName = PersonNames.stored(intake.lastName());
        lockPerson(intake.clinicId(), firstName, lastName, intake.dateOfBirth());
        Client existing = samePerson(intake.clinicId(), firstName, lastName, intake.dateOfBirth(), null);
        if (existing != null) {
            // the answer confirms that the person is a client here: a read of their record, audited though the
            // registration is refused (outside probe: five such answers left no trace); in a transaction of its
            // own, as this one rolls back with the refusal
            UUID found = existing.id;
            QuarkusTransaction.requiringNew().run(() -> PhiAccessLog.record(actor, "DUPLICATE_FOUND", found));
            // the id only: staff of this clinic may see it, and it names no one
            throw ProblemException.conflict("this person is already a client of the clinic: client " + existing.id);
        }
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.clinicId = intake.clinicId();
        client.clientCode = uniqueCode();
        fill(client, firstName, lastName, intake);
        client.registeredAt = Instant.now();
        client.status = Client.Status.WAITING;
        client.persist();
        episodes.open(client);
        PhiAccessLog.record(actor, "REGISTER", client.id);
        outbox.publish(new ClientRegistered(client.id, client.clinicId, client.clientCode, client.ageBand));
        return client;
    }

    /**
     * The client's right to rectification: what intake holds on them, replaced by what is given (the whole record, as
     * at registration; the clinic stays). The person may not become another client of the clinic (409 naming that
     * one). Nothing leaves intake: the events carry no PHI, and the age band announced at registration is not
     * announced again. Audited ({@code RECTIFY}).
     */
    public Client rectify(String actor, Client client, Intake intake) {
        if (client.erased()) {
            throw ProblemException.conflict("the client's record was erased at their request: there is nothing to "
                    + "correct");
        }
        if (!client.clinicId.equals(intake.clinicId())) {
            throw ProblemException.invalid("clinicId", "a client stays at their clinic (" + client.clinicId
                    + "): register them at the other one");
        }
        // a correction cannot make the record say the client was born after their care began: assignments and
        // discharges are checked against the date of birth, so a record where one is before it is refused as well
        CareAssignment.ofClient(client.id).stream().map(a -> LocalDate.ofInstant(a.startedAt, ZoneOffset.UTC))
                .min(LocalDate::compareTo).filter(intake.dateOfBirth()::isAfter).ifPresent(began -> {
                    throw ProblemException.invalid("dateOfBirth", "must not be after the client's care began ("
                            + began + ")");
                });
        String firstName = PersonNames.stored(intake.firstName());
        String lastName = PersonNames.stored(intake.lastName());
        lockPerson(client.clinicId, firstName, lastName, intake.dateOfBirth());
        Client other = samePerson(client.clinicId, firstName, lastName, intake.dateOfBirth(), client.id);
        if (other != null) {
            UUID found = other.id;
            QuarkusTransaction.requiringNew().run(() -> PhiAccessLog.record(actor, "DUPLICATE_FOUND", found));
            throw ProblemException.conflict("this person is already another client of the clinic: client " + other.id);
        }
        fill(client, firstName, lastName, intake);
        PhiAccessLog.record(actor, "RECTIFY", client.id);
        return client;
    }

    /** What staff enter about the person, as registration and rectification store it. */
    private static void fill(Client client, String firstName, String lastName, Intake intake) {
        client.firstName = firstName;
        client.lastName = lastName;
        client.dateOfBirth = intake.dateOfBirth();
        client.email = blankToNull(intake.email());
        client.phone = blankToNull(intake.phone());
        client.preferredLanguage = intake.preferredLanguage() == null ? null
                : intake.preferredLanguage().strip().toLowerCase(Locale.ROOT);
        client.consentRoutineFeedback = intake.consentToRoutineFeedback();
        client.consentContact = intake.consentToContact();
        client.preferredSpecialties = normalised(intake.preferredSpecialties());
        client.preferredModalities = intake.preferredModalities().stream().map(String::strip).distinct().toList();
        client.preferenceNotes = blankToNull(intake.preferenceNotes());
        client.intakeGoals = blankToNull(intake.intakeGoals());
        client.ageBand = AgeBand.of(client.dateOfBirth, today());
    }

    /**
     * Another client of the clinic who is this person (the same name, in PersonNames' comparison, and date of birth),
     * or null. The few clients of the clinic born that day are compared here: the database's lower() and normal forms
     * depend on its locale and version, PersonNames does not.
     *
     * @param except a client not to count (the one being corrected), or null
     */
    private static Client samePerson(String clinicId, String firstName, String lastName, LocalDate dateOfBirth,
            UUID except) {
        String firstKey = PersonNames.key(firstName);
        String lastKey = PersonNames.key(lastName);
        return Client.<Client>list("clinicId = ?1 and dateOfBirth = ?2 order by registeredAt", clinicId, dateOfBirth)
                .stream().filter(c -> c.firstName != null && c.lastName != null && !c.id.equals(except))
                .filter(c -> PersonNames.key(c.firstName).equals(firstKey) && PersonNames.key(c.lastName).equals(lastKey))
                .findFirst().orElse(null);
    }

    /**
     * One page of a clinic's clients (or a therapist's current ones), by the filters given.
     *
     * @param namePart lower case; found in the first or the last name, or in both together ("ada love")
     * @param dateOfBirth the day, or null
     */
    public PanacheQuery<Client> search(String clinicId, String clientCode, String namePart, LocalDate dateOfBirth,
            UUID therapistId, Client.Status status) {
        StringBuilder query = new StringBuilder("clinicId = :clinic");
        Map<String, Object> params = new HashMap<>();
        params.put("clinic", clinicId);
        if (namePart != null) {
            // the part taken literally: % and _ typed in a name are not wildcards
            query.append(" and lower(replace(replace(concat(firstName, ' ', lastName), :zwnj, ''), :zwj, ''))"
                    + " like :name escape '!'");
            params.put("zwnj", PersonNames.ZWNJ);
            params.put("zwj", PersonNames.ZWJ);
            String part = PersonNames.searchable(namePart);
            params.put("name", "%" + part.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (dateOfBirth != null) {
            query.append(" and dateOfBirth = :born");
            params.put("born", dateOfBirth);
        }
        if (clientCode != null && !clientCode.isBlank()) {
            query.append(" and clientCode = :code");
            params.put("code", clientCode.strip().toUpperCase(Locale.ROOT));
        }
        if (therapistId != null) {
            query.append(" and therapistId = :therapist");
            params.put("therapist", therapistId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        return Client.find(query.toString(), Sort.by("registeredAt").and("id"), params);
    }

    /**
     * The right to erasure: the name, date of birth, contact, stated preferences and free text go; the pseudonymous id,
     * code, age band and episodes stay, so the network's statistics stay whole. Erasing twice changes nothing more.
     */
    public void erase(String actor, Client client) {
        if (client.erased()) {
            return;
        }
        client.firstName = null;
        client.lastName = null;
        client.dateOfBirth = null;
        client.email = null;
        client.phone = null;
        client.preferenceNotes = null;
        // the stated specialties and modalities are free strings too ("grief", "after my divorce"), the client's own
        client.preferredSpecialties = new java.util.ArrayList<>();
        client.preferredModalities = new java.util.ArrayList<>();
        client.intakeGoals = null;
        client.erasedAt = Instant.now();
        // a retry of the client's registration would otherwise hand the erased name out again for up to a day
        idempotentRequests.forgetAnswersMentioning(client.id.toString());
        PhiAccessLog.record(actor, "ERASE", client.id);
        outbox.publish(new ClientErased(client.id, client.clientCode, client.clinicId, client.erasedAt));
    }

    /**
     * Serialises intakes of the same person at the same clinic, so two concurrent intakes cannot both pass the
     * duplicate check. The key is a hash computed in the database; nothing of the person is logged.
     */
    private void lockPerson(String clinicId, String firstName, String lastName, LocalDate dateOfBirth) {
        String person = clinicId + "\n" + PersonNames.key(firstName) + "\n" + PersonNames.key(lastName) + "\n"
                + dateOfBirth;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, person);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not serialise the intake", e);
        }
    }

    private static List<String> normalised(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String uniqueCode() {
        String code = ClientCodes.next();
        while (Client.codeTaken(code)) {
            code = ClientCodes.next();
        }
        return code;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** What staff record at intake. */
    public record Intake(String clinicId, String firstName, String lastName, LocalDate dateOfBirth, String email,
            String phone, String preferredLanguage, boolean consentToRoutineFeedback, boolean consentToContact,
            List<String> preferredSpecialties, List<String> preferredModalities, String preferenceNotes,
            String intakeGoals) {
    }
}
