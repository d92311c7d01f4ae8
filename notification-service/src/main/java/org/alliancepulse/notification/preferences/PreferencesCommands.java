package org.alliancepulse.notification.preferences;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.alliancepulse.notification.NotificationConfig;
import org.alliancepulse.notification.directory.TherapistContact;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * Reading and changing a therapist's preferences: the therapist themself, their clinic's staff and admins may;
 * nobody else: another therapist or another clinic's staff get the 404 an unknown therapist gets.
 */
@RequestScoped
public class PreferencesCommands {

    private static final Logger LOG = Logger.getLogger(PreferencesCommands.class);

    @Inject
    Caller caller;

    @Inject
    PreferencesBook book;

    @Inject
    NotificationConfig config;

    @Inject
    Event<PreferencesChanged> changed;

    public PreferencesView read(String therapistId) {
        UUID id = permitted(therapistId);
        return PreferencesView.of(book.of(id), TherapistPreferences.findById(id));
    }

    public PreferencesView replace(String therapistId, PreferencesView body) {
        UUID id = permitted(therapistId);
        Preferences preferences = validated(body);
        TherapistPreferences stored = TherapistPreferences.findById(id);
        if (stored == null) {
            stored = new TherapistPreferences();
            stored.therapistId = id;
        }
        stored.set(preferences, caller.username(), Instant.now());
        stored.persist();
        changed.fire(new PreferencesChanged(id));
        LOG.infof("Notification preferences of therapist %s changed by %s: %s", id, caller.username(),
                preferences.delivery());
        return PreferencesView.of(preferences, stored);
    }

    private UUID permitted(String therapistId) {
        UUID id;
        try {
            id = UUID.fromString(therapistId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a therapist id (a UUID)");
        }
        TherapistContact therapist = TherapistContact.findById(id);
        boolean allowed = therapist != null && (caller.isAdmin()
                || caller.isClinicStaff() && caller.worksAt(therapist.clinicId)
                // a therapist: themself, still at that clinic (a token outlives a departure by minutes at most)
                || caller.isTherapist() && caller.username().equals(therapist.username) && therapist.active
                        && caller.worksAt(therapist.clinicId));
        if (!allowed) {
            // the same answer whether the therapist is unknown or another clinic's (or a colleague's, for a
            // therapist): a 403 told another clinic's staff which ids are therapists in the network
            String detail = "no therapist " + id + " whose preferences you may see or change";
            throw therapist == null ? ProblemException.notFound(detail) : ProblemException.outOfScope(detail);
        }
        return id;
    }

    private Preferences validated(PreferencesView body) {
        if (body == null) {
            throw ProblemException.badRequest("a body with the preferences is required");
        }
        Preferences.Delivery delivery = Preferences.Delivery.IMMEDIATE;
        if (body.delivery() != null) {
            try {
                delivery = Preferences.Delivery.valueOf(body.delivery().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("delivery", "must be IMMEDIATE or DAILY_DIGEST");
            }
        }
        int hour = body.digestHour() == null ? 8 : body.digestHour();
        if (hour < 0 || hour > 23) {
            throw ProblemException.invalid("digestHour", "must be an hour from 0 to 23");
        }
        ZoneId zone = config.defaultTimeZone();
        if (body.timeZone() != null) {
            try {
                zone = ZoneId.of(body.timeZone().trim());
            } catch (DateTimeException e) {
                throw ProblemException.invalid("timeZone", "must be an IANA time zone such as Europe/Oslo");
            }
            // a fixed offset (+01:00, UTC+1) knows no summer time: quiet hours and the digest would be an hour off
            // for half the year (outside probe: both were taken)
            if (zone instanceof ZoneOffset || zone.getId().matches("(?i)(UTC|GMT|UT)[+-].*")) {
                throw ProblemException.invalid("timeZone", "must be an IANA time zone such as Europe/Oslo, not a"
                        + " fixed offset (it knows no summer time)");
            }
        }
        LocalTime from = null;
        LocalTime until = null;
        if (body.quietHours() != null) {
            from = time("quietHours.from", body.quietHours().from());
            until = time("quietHours.until", body.quietHours().until());
            if (from.equals(until)) {
                throw ProblemException.invalid("quietHours", "from and until must differ (omit quietHours for none)");
            }
            if (delivery == Preferences.Delivery.DAILY_DIGEST
                    && DeliveryTimes.isQuiet(LocalTime.of(hour, 0), from, until)) {
                // no email goes out in quiet hours, the digest included (outside probe: a digest at 08:00 inside
                // quiet hours 07:00-09:00 was taken and would have gone out then)
                throw ProblemException.invalid("digestHour", "falls within the quiet hours (" + from + "-" + until
                        + "), when no email goes out");
            }
        }
        Set<String> skipped = new HashSet<>();
        if (body.skippedKinds() != null) {
            for (String kind : body.skippedKinds()) {
                String name = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
                if (Preferences.NEVER_SKIPPED.contains(name)) {
                    throw ProblemException.invalid("skippedKinds", name + " alerts are always emailed: "
                            + ("DROPOUT_RISK".equals(name) ? "a client may be about to leave"
                                    : "a rupture has not been repaired, and unrepaired ruptures are where clients leave"));
                }
                if (!Preferences.SKIPPABLE.contains(name)) {
                    throw ProblemException.invalid("skippedKinds", "'" + kind + "' is not a kind that may be skipped"
                            + " (RUPTURE, FIT_CONCERN)");
                }
                skipped.add(name);
            }
        }
        return new Preferences(delivery, hour, zone, from, until, skipped,
                body.resolvedNotes() != null && body.resolvedNotes());
    }

    private static final java.time.format.DateTimeFormatter HOURS_AND_MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    private static LocalTime time(String field, String value) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required with quietHours (HH:mm)");
        }
        try {
            return LocalTime.parse(value.trim(), HOURS_AND_MINUTES);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a local time such as 21:30 (HH:mm)");
        }
    }
}
