package org.alliancepulse.testinfra.quarkus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link org.alliancepulse.testinfra.servers.TcpProxy} field of a test for {@link PostgresResource} to fill:
 * the link between the service and its database, which the test may cut to simulate an outage.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectDatabaseLink {
}
