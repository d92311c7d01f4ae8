package org.alliancepulse.notification.preferences;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.notification.NotificationConfig;

/** A therapist's preferences as delivery applies them: what they stored, or the defaults. */
@ApplicationScoped
public class PreferencesBook {

    @Inject
    NotificationConfig config;

    public Preferences of(UUID therapistId) {
        TherapistPreferences stored = TherapistPreferences.findById(therapistId);
        return stored == null ? Preferences.defaults(config.defaultTimeZone()) : stored.toPreferences();
    }
}
