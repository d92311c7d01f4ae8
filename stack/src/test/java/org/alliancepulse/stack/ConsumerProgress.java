package org.alliancepulse.stack;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the services' consumer groups have got, from the broker's committed offsets: a test can wait until an event
 * was really handled (the services commit only after their database transaction) instead of guessing.
 */
final class ConsumerProgress {

    private ConsumerProgress() {
    }

    /**
     * Waits until at least one consumer group reads the topic and every group that does has committed up to the
     * partition's current end: everything on that partition so far was handled. Returns those groups.
     */
    static List<String> awaitConsumed(String bootstrapServers, String topic, int partition, Duration timeout) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try (Admin admin = admin(bootstrapServers)) {
            long end = endOffsets(admin, List.of(tp)).get(tp);
            await("consumers of " + tp + " to commit up to offset " + end).atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        Map<String, Map<TopicPartition, OffsetAndMetadata>> groups = groupsReading(admin, topic);
                        return !groups.isEmpty() && groups.values().stream()
                                .allMatch(offsets -> offsets.containsKey(tp) && offsets.get(tp).offset() >= end);
                    });
            try {
                return List.copyOf(groupsReading(admin, topic).keySet());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until every group that reads the topic has committed up to the current end of each partition it reads. */
    static void awaitAllCaughtUp(String bootstrapServers, String topic, Duration timeout) {
        try (Admin admin = admin(bootstrapServers)) {
            await("consumers of " + topic + " to catch up").atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        Map<String, Map<TopicPartition, OffsetAndMetadata>> groups = groupsReading(admin, topic);
                        for (Map<TopicPartition, OffsetAndMetadata> offsets : groups.values()) {
                            Map<TopicPartition, Long> ends = endOffsets(admin, offsets.keySet());
                            if (offsets.entrySet().stream()
                                    .anyMatch(e -> e.getValue().offset() < ends.get(e.getKey()))) {
                                return false;
                            }
                        }
                        return true;
                    });
        }
    }

    private static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }

    /** Group id to its committed offsets on the topic's partitions, for each group with any on that topic. */
    private static Map<String, Map<TopicPartition, OffsetAndMetadata>> groupsReading(Admin admin, String topic)
            throws Exception {
        Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> reading = new java.util.HashMap<>();
        for (ConsumerGroupListing group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (!offsets.isEmpty()) {
                reading.put(group.groupId(), offsets);
            }
        }
        return reading;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<TopicPartition> partitions) {
        try {
            ListOffsetsResult result = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())));
            return result.all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the end offsets of " + partitions, e);
        }
    }
}
