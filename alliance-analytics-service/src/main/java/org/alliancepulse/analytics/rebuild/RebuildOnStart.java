package org.alliancepulse.analytics.rebuild;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * A service that starts far behind its topics rebuilds its state from them ({@link Rebuild}) rather than consuming
 * the backlog batch by batch, where every event means reading and assessing its dyad's course again: a network
 * joining with a year of history, a new instance, a long outage. The live consumers start as always; they wait
 * while the rebuild holds its lock and then find what it applied to be duplicates, so nothing is lost or applied
 * twice whichever comes first. Decided once, in the background, so readiness does not wait for it.
 * <p>
 * And a rebuild that began and did not finish (it failed part-way, or its process went; {@link RebuildRun}) is
 * resumed at start, however small the backlog and even with the backlog rule switched off: until one finishes the
 * state is partial and live events wait.
 */
@ApplicationScoped
public class RebuildOnStart {

    private static final Logger LOG = Logger.getLogger(RebuildOnStart.class);

    @Inject
    Rebuild rebuild;

    @Inject
    RebuildConfig config;

    @Inject
    RebuildRun run;

    private final AtomicReference<Rebuild.Report> done = new AtomicReference<>();

    void onStart(@Observes StartupEvent event) {
        Thread deciding = new Thread(() -> {
            try {
                rebuildIfNeeded();
            } catch (RuntimeException e) {
                // the live consumers catch up as usual, or wait while a rebuild is unfinished (readiness says so)
                LOG.errorf("Could not decide on or finish a rebuild at start (%s)", e.getClass().getName());
            }
        }, "rebuild-on-start");
        deciding.setDaemon(true);
        deciding.start();
    }

    /**
     * Rebuilds if the last rebuild did not finish, or if the consumers are as far behind as configured; what it did,
     * if it did.
     */
    public Optional<Rebuild.Report> rebuildIfNeeded() {
        RebuildRun.Status last = run.status();
        if (last.abandoned()) {
            LOG.infof("The rebuild begun %s did not finish: rebuilding the state from the topics", last.startedAt());
            return Optional.of(rebuildNow());
        }
        if (config.onStartAbove() <= 0) {
            return Optional.empty();
        }
        Backlog backlog = rebuild.backlog();
        if (!backlog.worthARebuild(config)) {
            LOG.debugf("%d of %d events on the topics wait: catching up batch by batch", backlog.waiting(),
                    backlog.total());
            return Optional.empty();
        }
        LOG.infof("Started %d events behind (of %d on the topics): rebuilding the state from the topics instead of "
                + "catching up batch by batch", backlog.waiting(), backlog.total());
        return Optional.of(rebuildNow());
    }

    private Rebuild.Report rebuildNow() {
        Rebuild.Report report = rebuild.run();
        done.set(report);
        return report;
    }

    /** The rebuild this start did, once it is done. */
    public Optional<Rebuild.Report> done() {
        return Optional.ofNullable(done.get());
    }
}
