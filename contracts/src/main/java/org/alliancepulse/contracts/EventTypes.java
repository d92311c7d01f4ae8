package org.alliancepulse.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.alliancepulse.contracts.alliance.AlertAcknowledged;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.alliance.AlertResolved;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.ClientErased;
import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.ClientRegistered;
import org.alliancepulse.contracts.intake.ClinicRegistered;
import org.alliancepulse.contracts.intake.ClinicUpdated;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.contracts.intake.TherapistUpdated;
import org.alliancepulse.contracts.notification.NotificationFailed;
import org.alliancepulse.contracts.notification.NotificationSent;
import org.alliancepulse.contracts.session.FeedbackCorrected;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.contracts.session.SessionAttended;
import org.alliancepulse.contracts.session.SessionCancelled;
import org.alliancepulse.contracts.session.SessionNoShow;
import org.alliancepulse.contracts.session.SessionOutcomeCorrected;
import org.alliancepulse.contracts.session.SessionScheduled;

/** Every event type of the system, v1. A type missing here cannot be published. */
public final class EventTypes {

    private static final String PREFIX = "org.alliancepulse.";

    public static final EventType<ClinicRegistered> CLINIC_REGISTERED = intake("clinic-registered", ClinicRegistered.class);
    public static final EventType<TherapistRegistered> THERAPIST_REGISTERED = intake("therapist-registered", TherapistRegistered.class);
    public static final EventType<ClientRegistered> CLIENT_REGISTERED = intake("client-registered", ClientRegistered.class);
    public static final EventType<ClientAssigned> CLIENT_ASSIGNED = intake("client-assigned", ClientAssigned.class);
    public static final EventType<ClinicUpdated> CLINIC_UPDATED = intake("clinic-updated", ClinicUpdated.class);
    public static final EventType<TherapistUpdated> THERAPIST_UPDATED = intake("therapist-updated", TherapistUpdated.class);
    public static final EventType<ClientReassigned> CLIENT_REASSIGNED = intake("client-reassigned", ClientReassigned.class);
    public static final EventType<EpisodeClosed> EPISODE_CLOSED = intake("episode-closed", EpisodeClosed.class);
    public static final EventType<ClientErased> CLIENT_ERASED = intake("client-erased", ClientErased.class);

    public static final EventType<SessionScheduled> SESSION_SCHEDULED = session("session-scheduled", SessionScheduled.class);
    public static final EventType<FeedbackSubmitted> FEEDBACK_SUBMITTED = session("feedback-submitted", FeedbackSubmitted.class);
    public static final EventType<SessionAttended> SESSION_ATTENDED = session("session-attended", SessionAttended.class);
    public static final EventType<SessionNoShow> SESSION_NO_SHOW = session("session-no-show", SessionNoShow.class);
    public static final EventType<SessionCancelled> SESSION_CANCELLED = session("session-cancelled", SessionCancelled.class);
    public static final EventType<SessionOutcomeCorrected> SESSION_OUTCOME_CORRECTED =
            session("session-outcome-corrected", SessionOutcomeCorrected.class);
    public static final EventType<FeedbackCorrected> FEEDBACK_CORRECTED = session("feedback-corrected", FeedbackCorrected.class);

    public static final EventType<AlertRaised> ALERT_RAISED =
            new EventType<>(PREFIX + "alliance.alert-raised.v1", Topics.ALLIANCE_ALERTS, AlertRaised.class);
    public static final EventType<AlertResolved> ALERT_RESOLVED =
            new EventType<>(PREFIX + "alliance.alert-resolved.v1", Topics.ALLIANCE_ALERTS, AlertResolved.class);
    public static final EventType<AlertAcknowledged> ALERT_ACKNOWLEDGED =
            new EventType<>(PREFIX + "alliance.alert-acknowledged.v1", Topics.ALLIANCE_ALERTS, AlertAcknowledged.class);

    public static final EventType<NotificationSent> NOTIFICATION_SENT =
            new EventType<>(PREFIX + "notification.notification-sent.v1", Topics.NOTIFICATION_EVENTS, NotificationSent.class);
    public static final EventType<NotificationFailed> NOTIFICATION_FAILED =
            new EventType<>(PREFIX + "notification.notification-failed.v1", Topics.NOTIFICATION_EVENTS, NotificationFailed.class);

    public static final List<EventType<?>> ALL = List.of(
            CLINIC_REGISTERED, THERAPIST_REGISTERED, CLIENT_REGISTERED, CLIENT_ASSIGNED,
            CLINIC_UPDATED, THERAPIST_UPDATED, CLIENT_REASSIGNED, EPISODE_CLOSED, CLIENT_ERASED,
            SESSION_SCHEDULED, FEEDBACK_SUBMITTED, SESSION_ATTENDED, SESSION_NO_SHOW, SESSION_CANCELLED,
            SESSION_OUTCOME_CORRECTED, FEEDBACK_CORRECTED,
            ALERT_RAISED, ALERT_RESOLVED, ALERT_ACKNOWLEDGED,
            NOTIFICATION_SENT, NOTIFICATION_FAILED);

    private static final Map<String, EventType<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_PAYLOAD =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private EventTypes() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    @SuppressWarnings("unchecked")
    public static <P extends EventPayload> EventType<P> of(P payload) {
        EventType<?> type = BY_PAYLOAD.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("No event type is registered for " + payload.getClass().getName());
        }
        return (EventType<P>) type;
    }

    private static <P extends EventPayload> EventType<P> intake(String name, Class<P> payload) {
        return new EventType<>(PREFIX + "intake." + name + ".v1", Topics.INTAKE_EVENTS, payload);
    }

    private static <P extends EventPayload> EventType<P> session(String name, Class<P> payload) {
        return new EventType<>(PREFIX + "session." + name + ".v1", Topics.SESSION_EVENTS, payload);
    }
}
