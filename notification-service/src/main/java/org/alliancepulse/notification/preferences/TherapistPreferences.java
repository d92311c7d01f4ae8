package org.alliancepulse.notification.preferences;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A therapist's stored preferences; no row means the defaults. */
@Entity
@Table(name = "notification_preferences")
public class TherapistPreferences extends PanacheEntityBase {

    @Id
    @Column(name = "therapist_id")
    public UUID therapistId;

    @Enumerated(EnumType.STRING)
    public Preferences.Delivery delivery;

    @Column(name = "digest_hour")
    public int digestHour;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "quiet_from")
    public LocalTime quietFrom;

    @Column(name = "quiet_until")
    public LocalTime quietUntil;

    /** Comma-separated alert kinds; null for none. */
    @Column(name = "skipped_kinds")
    public String skippedKinds;

    @Column(name = "resolved_notes")
    public boolean resolvedNotes;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Who last changed them (a login: the therapist, their clinic's staff or an admin). */
    @Column(name = "updated_by")
    public String updatedBy;

    Preferences toPreferences() {
        return new Preferences(delivery, digestHour, ZoneId.of(timeZone), quietFrom, quietUntil,
                skippedKinds == null || skippedKinds.isBlank() ? java.util.Set.of()
                        : Arrays.stream(skippedKinds.split(",")).collect(Collectors.toSet()),
                resolvedNotes);
    }

    void set(Preferences preferences, String by, Instant now) {
        delivery = preferences.delivery();
        digestHour = preferences.digestHour();
        timeZone = preferences.timeZone().getId();
        quietFrom = preferences.quietFrom();
        quietUntil = preferences.quietUntil();
        skippedKinds = preferences.skippedKinds().isEmpty() ? null
                : preferences.skippedKinds().stream().sorted().collect(Collectors.joining(","));
        resolvedNotes = preferences.resolvedNotes();
        updatedAt = now;
        updatedBy = by;
    }
}
