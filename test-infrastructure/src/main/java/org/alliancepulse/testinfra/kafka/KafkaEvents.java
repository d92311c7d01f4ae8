package org.alliancepulse.testinfra.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventJson;
import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.EventType;
import org.alliancepulse.contracts.EventTypes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's own Kafka client: plays the other services (publishes CloudEvents as they would) and reads what the
 * service under test published, straight from the broker.
 */
public final class KafkaEvents {

    private final String bootstrapServers;

    public KafkaEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Publishes a payload as its service would, with a fresh event id; returns the id. */
    public String publish(EventPayload payload) {
        String id = UUID.randomUUID().toString();
        publish(id, payload);
        return id;
    }

    /** Publishes a payload with the given event id: how a test redelivers the same event. */
    public void publish(String eventId, EventPayload payload) {
        EventType<EventPayload> type = EventTypes.of(payload);
        send(type.topic(), payload.aggregateId(), EventJson.write(payload), headersOf(eventId, payload));
    }

    /**
     * Publishes many payloads in this order, each with a fresh event id, through one producer (a per-key order is
     * kept, as with {@link #publish}); returns when the broker has them all. For volumes where a producer per event
     * would take minutes: a simulated network's year.
     */
    public void publishAll(List<? extends EventPayload> payloads) {
        Properties props = producerProperties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>(payloads.size());
            for (EventPayload payload : payloads) {
                EventType<EventPayload> type = EventTypes.of(payload);
                ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), payload.aggregateId(),
                        EventJson.write(payload));
                headersOf(UUID.randomUUID().toString(), payload)
                        .forEach((name, v) -> record.headers().add(name, v.getBytes(UTF_8)));
                sent.add(producer.send(record));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted publishing " + payloads.size() + " events", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not publish " + payloads.size() + " events", e);
        }
    }

    /**
     * The record a consumer would read for this event at this offset, without a broker: for tests that hand a
     * consumer a batch of their own making.
     */
    public static ConsumerRecord<String, String> consumed(String eventId, EventPayload payload, long offset) {
        EventType<EventPayload> type = EventTypes.of(payload);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(type.topic(), 0, offset, payload.aggregateId(),
                EventJson.write(payload));
        headersOf(eventId, payload).forEach((name, v) -> record.headers().add(name, v.getBytes(UTF_8)));
        return record;
    }

    private static Map<String, String> headersOf(String eventId, EventPayload payload) {
        return Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, EventTypes.of(payload).type(),
                CloudEventHeaders.SOURCE, "test",
                CloudEventHeaders.SUBJECT, payload.aggregateId(),
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.CONTENT_TYPE, "application/json");
    }

    /** Sends any record, e.g. a poison message. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    /** Every record on the topic so far, from the beginning. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /** The events of that type on its topic whose payload matches, in topic order per partition. */
    public <P extends EventPayload> List<Published<P>> published(EventType<P> type, Predicate<P> matching) {
        List<Published<P>> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readAll(type.topic())) {
            if (type.type().equals(header(record, CloudEventHeaders.TYPE))) {
                P payload = EventJson.read(record.value(), type.payloadClass());
                if (matching.test(payload)) {
                    found.add(new Published<>(record, payload));
                }
            }
        }
        return found;
    }

    /**
     * A condition that holds once the consumer group has committed offsets past everything on the topic now: every
     * record published before this call has been processed (the group commits only after processing). Unlike a
     * marker event, this does not rely on the mechanism under test.
     */
    public java.util.concurrent.Callable<Boolean> consumedByGroup(String group, String topic) {
        Map<TopicPartition, Long> end;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            end = consumer.endOffsets(consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList());
        }
        return () -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
            }
        };
    }

    /** Creates a topic up front, as the stack and a deployment do, rather than leaving it to the broker's auto-create. */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
                    .all().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + topic, e);
        }
    }

    /** Sets (value) or removes (null) a topic-level setting, as an operator would with kafka-configs. */
    public void alterTopicConfig(String topic, String name, String value) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp op = value == null
                ? new AlterConfigOp(new ConfigEntry(name, ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not alter " + name + " of " + topic, e);
        }
    }

    /** A topic's setting as the broker reports it, or null when the topic does not exist. */
    public String topicConfig(String topic, String name) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get(20, TimeUnit.SECONDS).contains(topic)) {
                return null;
            }
            ConfigEntry entry = admin.describeConfigs(List.of(resource)).all().get(20, TimeUnit.SECONDS)
                    .get(resource).get(name);
            return entry == null ? null : entry.value();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + name + " of " + topic, e);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    /** One event as it lies on Kafka. */
    public record Published<P extends EventPayload>(ConsumerRecord<String, String> record, P payload) {

        public String header(String name) {
            return KafkaEvents.header(record, name);
        }

        public String key() {
            return record.key();
        }
    }
}
