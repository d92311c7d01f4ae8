package org.alliancepulse.intake.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much each kind of fit counts when therapists are suggested for a client. */
@ConfigMapping(prefix = "alliance-pulse.intake.matching")
public interface MatchingConfig {

    /** Points when the therapist works in the client's preferred language. */
    @WithDefault("3")
    int languageWeight();

    /** Points for each of the client's stated specialties the therapist has. */
    @WithDefault("2")
    int specialtyWeight();

    /** Points for each of the client's stated ways of working the therapist offers. */
    @WithDefault("1")
    int modalityWeight();
}
