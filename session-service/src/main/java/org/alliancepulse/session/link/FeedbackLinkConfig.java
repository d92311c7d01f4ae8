package org.alliancepulse.session.link;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The client's one-time feedback links. */
@ConfigMapping(prefix = "alliance-pulse.feedback-link")
public interface FeedbackLinkConfig {

    /** How long a link stays open when the caller does not say. */
    @WithDefault("72h")
    Duration lifetime();

    /** The longest lifetime a caller may ask for. */
    @WithDefault("14d")
    Duration maxLifetime();

    /** The public address links start with (e.g. https://feedback.clinic.example); the request's own when unset. */
    Optional<String> publicUrl();

    /** Failed link look-ups (unknown, used or expired token) one address may make within the window before 429s. */
    @WithDefault("10")
    int maxFailures();

    /** The window failed look-ups are counted in. */
    @WithDefault("15m")
    Duration failureWindow();
}
