package org.alliancepulse.analytics.course;

import java.time.Instant;
import java.util.UUID;

/** Names the session a decision was taken at, so a replay dates it at the event time, not at the replay. */
public record SessionRef(UUID sessionId, int number, Instant scheduledAt) {
}
