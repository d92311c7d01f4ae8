package org.alliancepulse.testinfra.quarkus;

import java.util.Map;

import org.alliancepulse.testinfra.servers.KafkaBroker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real Kafka broker for a module's {@code @QuarkusTest}s. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start(3);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
