package org.alliancepulse.testinfra.servers;

import java.nio.file.Files;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker (KRaft, one node as broker and controller) in this JVM, on a free port. The same code as
 * Kafka's own integration tests, from Maven Central: no Docker, no download at run time.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** @param partitions partitions of topics the broker creates on first use */
    public static KafkaBroker start(int partitions) {
        long started = System.nanoTime();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    // our own directory, deleted by close() once the broker is down: the kit's default one is deleted
                    // by a JVM shutdown hook of its own, which ran beside the stack's Ctrl-C hook and took the log
                    // directory from under the stopping broker (dozens of ERROR and WARN lines on every stop)
                    .setBaseDirectory(Files.createTempDirectory("kafka-"))
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", String.valueOf(partitions))
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            KafkaBroker broker = new KafkaBroker(cluster);
            System.out.printf("[infra] Kafka broker (KRaft) started at %s in %d ms%n", broker.bootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000);
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            System.err.println("[infra] Kafka broker did not stop cleanly: " + e);
        }
    }
}
