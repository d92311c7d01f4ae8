package org.alliancepulse.stack;

/** The four services of the system: the Maven module that packages each and the database each owns. */
public enum Service {

    INTAKE("intake-service", "intake"),
    SESSION("session-service", "session"),
    ANALYTICS("alliance-analytics-service", "analytics"),
    NOTIFICATION("notification-service", "notification");

    private final String module;
    private final String database;

    Service(String module, String database) {
        this.module = module;
        this.database = database;
    }

    /** The module directory under the repository root, also the service's name. */
    public String module() {
        return module;
    }

    /** The service's own PostgreSQL database (one per service, as in production one server per service). */
    public String database() {
        return database;
    }
}
