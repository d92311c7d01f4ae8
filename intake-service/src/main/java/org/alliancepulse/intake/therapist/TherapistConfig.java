package org.alliancepulse.intake.therapist;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for therapists' caseloads. */
@ConfigMapping(prefix = "alliance-pulse.intake.therapist")
public interface TherapistConfig {

    /** Caseload capacity of a therapist registered without one. */
    @WithDefault("25")
    int defaultCaseloadCapacity();
}
