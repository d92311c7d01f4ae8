package org.alliancepulse.platform.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.platform.inbox.DeadLetters;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Lists a dead-letter topic and replays it: each dead letter goes, as the original record (its topic, partition,
 * offset, key, value and CloudEvent headers), through the same {@link Inbox} and the same handlers as the live
 * stream. So a record that was applied meanwhile (redelivered, or replayed before) changes nothing, and one that
 * still fails stays where it is, with the reason reported. The dead-letter topic itself is never rewritten: a replay
 * may be repeated safely.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    /** A dead-letter topic of this service and how many records it holds. */
    @Schema(example = "{\"topic\":\"alliance-analytics-service.session-events.dlq\",\"sourceTopic\":\"session-events\","
            + "\"records\":1}")
    public record DeadLetterTopic(String topic, String sourceTopic, long records) {
    }

    /** One dead letter, described without its content. */
    @Schema(example = "{\"partition\":0,\"offset\":0,\"eventId\":\"0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3d4c5b\","
            + "\"eventType\":\"org.alliancepulse.session.feedback-submitted.v9\",\"reason\":\"unknown event type "
            + "org.alliancepulse.session.feedback-submitted.v9\",\"deadLetteredAt\":\"2026-11-27T14:05:02.113Z\","
            + "\"sourceTopic\":\"session-events\",\"sourcePartition\":3,\"sourceOffset\":1187}")
    public record DeadLetter(int partition, long offset, String eventId, String eventType, String reason,
            String deadLetteredAt, String sourceTopic, Integer sourcePartition, Long sourceOffset) {
    }

    /** What a replay did with one dead letter. */
    @Schema(example = "{\"partition\":0,\"offset\":0,\"eventId\":\"0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3d4c5b\","
            + "\"outcome\":\"APPLIED\",\"reason\":null}")
    public record Replayed(int partition, long offset, String eventId, Inbox.Outcome outcome, String reason) {
    }

    @Inject
    DeadLetters deadLetters;

    @Inject
    Inbox inbox;

    @Inject
    Instance<InboxConsumer> consumers;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    public List<DeadLetterTopic> topics() {
        List<DeadLetterTopic> topics = new ArrayList<>();
        for (String source : deadLetters.consumedTopics()) {
            String topic = deadLetterTopicOf(source);
            topics.add(new DeadLetterTopic(topic, source, count(topic)));
        }
        return topics;
    }

    /** @return empty when the topic is not one of this service's dead-letter topics */
    public Optional<List<DeadLetter>> list(String topic, int limit) {
        if (!deadLetters.deadLetterTopics().contains(topic)) {
            return Optional.empty();
        }
        List<DeadLetter> letters = new ArrayList<>();
        read(topic, record -> {
            if (letters.size() < limit) {
                letters.add(describe(record));
            }
        });
        return Optional.of(letters);
    }

    /** @return empty when the topic is not one of this service's dead-letter topics */
    public Optional<List<Replayed>> replay(String topic) {
        if (!deadLetters.deadLetterTopics().contains(topic)) {
            return Optional.empty();
        }
        List<Replayed> results = new ArrayList<>();
        read(topic, letter -> results.add(replayOne(letter)));
        LOG.infof("Replayed %d dead letter(s) of %s", results.size(), topic);
        return Optional.of(results);
    }

    private Replayed replayOne(ConsumerRecord<String, String> letter) {
        String sourceTopic = header(letter, DeadLetters.TOPIC);
        String eventId = header(letter, CloudEventHeaders.ID);
        Optional<InboxConsumer> consumer = consumers.stream().filter(c -> c.topic().equals(sourceTopic)).findFirst();
        if (consumer.isEmpty()) {
            return new Replayed(letter.partition(), letter.offset(), eventId, Inbox.Outcome.STILL_FAILING,
                    "no consumer of " + sourceTopic + " in this service");
        }
        Inbox.Result result = inbox.replay(original(letter, sourceTopic), consumer.get().handlers());
        return new Replayed(letter.partition(), letter.offset(), eventId, result.outcome(), result.reason());
    }

    /** The record as it was read from its own topic, before it was dead-lettered. */
    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> letter, String sourceTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        int partition = parseInt(header(letter, DeadLetters.PARTITION), letter.partition());
        long offset = parseLong(header(letter, DeadLetters.OFFSET), letter.offset());
        return new ConsumerRecord<>(sourceTopic, partition, offset, letter.timestamp(), TimestampType.CREATE_TIME,
                -1, -1, letter.key(), letter.value(), headers, Optional.empty());
    }

    private static DeadLetter describe(ConsumerRecord<String, String> record) {
        String partition = header(record, DeadLetters.PARTITION);
        String offset = header(record, DeadLetters.OFFSET);
        return new DeadLetter(record.partition(), record.offset(), header(record, CloudEventHeaders.ID),
                header(record, CloudEventHeaders.TYPE), header(record, DeadLetters.REASON),
                header(record, DeadLetters.TIME), header(record, DeadLetters.TOPIC),
                partition == null ? null : parseInt(partition, -1), offset == null ? null : parseLong(offset, -1));
    }

    private String deadLetterTopicOf(String source) {
        return deadLetters.deadLetterTopics().stream().filter(t -> t.endsWith("." + source + ".dlq")).findFirst()
                .orElseThrow();
    }

    private long count(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }

    /** Every record on the topic now, in order per partition. */
    private void read(String topic, Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // bounds the wait for Kafka only: each poll that brings records starts it afresh, however long they take
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka handed out nothing of " + topic + " for 30 s");
                }
                var polled = consumer.poll(Duration.ofMillis(200));
                if (!polled.isEmpty()) {
                    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                }
                for (ConsumerRecord<String, String> record : polled) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return props;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long parseLong(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
