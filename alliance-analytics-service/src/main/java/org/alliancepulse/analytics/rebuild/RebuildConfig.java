package org.alliancepulse.analytics.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the service rebuilds its state from the topics by itself (an admin can always, at {@code /api/admin/rebuild}). */
@ConfigMapping(prefix = "alliance-pulse.rebuild")
public interface RebuildConfig {

    /**
     * A service that starts with at least this many events of {@code intake-events} and {@code session-events} not yet
     * consumed (a network joining with its history, a new instance, a long outage) rebuilds from the topics instead
     * of catching up batch by batch; 0 never does (a rebuild that did not finish is resumed at start all the same).
     */
    @WithDefault("100000")
    long onStartAbove();

    /**
     * ... and only when those events are at least this share of everything on the topics: a rebuild reads all of
     * them, a catch-up only what waits, and a rebuild is about six times as fast per event (docs/benchmarks.md).
     */
    @WithDefault("0.25")
    double onStartShare();
}
