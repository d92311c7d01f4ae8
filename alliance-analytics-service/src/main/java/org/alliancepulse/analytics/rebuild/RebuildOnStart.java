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
 */
@ApplicationScoped
public class RebuildOnStart {

    private static final Logger LOG = Logger.getLogger(RebuildOnStart.class);

    @Inject
    Rebuild rebuild;

    @Inject
    RebuildConfig config;

    private final AtomicReference<Rebuild.Report> done = new AtomicReference<>();

    void onStart(@Observes StartupEvent event) {
        if (config.onStartAbove() <= 0) {
            return;
        }
        Thread deciding = new Thread(() -> {
            try {
                rebuildIfFarBehind();
            } catch (RuntimeException e) {
                // the live consumers catch up as usual
                LOG.errorf("Could not decide on or finish a rebuild at start (%s); catching up batch by batch",
                        e.getClass().getName());
            }
        }, "rebuild-on-start");
        deciding.setDaemon(true);
        deciding.start();
    }

    /** Rebuilds if the consumers are as far behind as configured; what it did, if it did. */
    public Optional<Rebuild.Report> rebuildIfFarBehind() {
        Backlog backlog = rebuild.backlog();
        if (!backlog.worthARebuild(config)) {
            LOG.debugf("%d of %d events on the topics wait: catching up batch by batch", backlog.waiting(),
                    backlog.total());
            return Optional.empty();
        }
        LOG.infof("Started %d events behind (of %d on the topics): rebuilding the state from the topics instead of "
                + "catching up batch by batch", backlog.waiting(), backlog.total());
        Rebuild.Report report = rebuild.run();
        done.set(report);
        return Optional.of(report);
    }

    /** The rebuild this start did, once it is done. */
    public Optional<Rebuild.Report> done() {
        return Optional.ofNullable(done.get());
    }
}
