package org.alliancepulse.analytics.rebuild;

/**
 * How far behind the service's consumers are: events on the topics not yet consumed ({@code waiting}, from the
 * consumer group's committed offsets) of all there are ({@code total}).
 */
public record Backlog(long waiting, long total) {

    /** Whether a rebuild from the topics takes the state there sooner than consuming what waits, as configured. */
    public boolean worthARebuild(RebuildConfig config) {
        return worthARebuild(config.onStartAbove(), config.onStartShare());
    }

    /** As {@link #worthARebuild(RebuildConfig)}: at least {@code above} events waiting (0: never), and {@code share} of all. */
    public boolean worthARebuild(long above, double share) {
        return above > 0 && waiting >= above && waiting >= share * total;
    }
}
