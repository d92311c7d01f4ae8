package org.alliancepulse.analytics.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when a rebuild began and did not finish and none is running: the dyad state is partial (part forgotten, part
 * rebuilt) and live events wait until a rebuild completes. UP while one runs (it says since when): a rebuild takes
 * about a minute for a million events and live events catch up after it.
 */
@Readiness
@ApplicationScoped
public class RebuildReadiness implements HealthCheck {

    @Inject
    RebuildRun run;

    @Override
    public HealthCheckResponse call() {
        RebuildRun.Status status = run.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("analytics state").status(!status.abandoned());
        if (status.running()) {
            response.withData("rebuild", "running since " + status.startedAt() + "; live events wait for it");
        } else if (status.abandoned()) {
            response.withData("rebuild", "began " + status.startedAt() + " and did not finish: the state is partial and "
                    + "live events wait; POST /api/admin/rebuild once the cause is mended (a restart resumes it)");
        }
        return response.build();
    }
}
