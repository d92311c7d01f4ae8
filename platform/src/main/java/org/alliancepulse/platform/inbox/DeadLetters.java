package org.alliancepulse.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.Topics;
import org.alliancepulse.platform.work.Backoff;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The consumer's dead-letter topics: {@code <service>.<topic>.dlq}, one per consumed topic, created up front with
 * their own retention (not left to the broker's auto-create), and written synchronously — a record's offset is
 * committed only once its dead letter is on Kafka. A send that fails is retried with capped back-off, the partition
 * waiting and readiness DOWN, until Kafka takes it.
 *
 * <p>A dead letter is the original record (key, value, headers) plus {@code dead-letter-reason}, {@code
 * dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset}, {@code dead-letter-consumer} and
 * {@code dead-letter-time}: the same names SmallRye's dead-letter strategy uses, so tools for it read ours.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";
    public static final String TIME = "dead-letter-time";

    private static final String INCOMING = "mp.messaging.incoming.";

    @Inject
    DeadLetterConfig config;

    @Inject
    InboxConfig inboxConfig;

    @Inject
    @Readiness
    ConsumerReadiness readiness;

    @Inject
    MeterRegistry meters;

    @Inject
    Config mpConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private volatile Producer<String, String> producer;

    void start(@Observes StartupEvent startup) {
        for (String topic : deadLetterTopics()) {
            try {
                ensureTopic(topic);
            } catch (RuntimeException e) {
                // Kafka may still be starting; every send ensures its topic first anyway
                LOG.warnf("Could not create dead-letter topic %s yet (%s); will try again before its first use",
                        topic, e.getClass().getName());
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** The topics this service's Kafka consumers read (from the {@code mp.messaging.incoming.*} channels). */
    public Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        for (String name : mpConfig.getPropertyNames()) {
            if (name.startsWith(INCOMING) && name.endsWith(".topic")) {
                mpConfig.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return topics;
    }

    /** This service's dead-letter topics, one per consumed topic. */
    public Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        consumedTopics().forEach(topic -> topics.add(Topics.deadLetterTopic(consumer, topic)));
        return topics;
    }

    /**
     * Puts the record on its dead-letter topic and returns once Kafka acknowledged it; until then it retries, the
     * partition waiting.
     *
     * @param reason why, naming fields and positions, never the record's content
     */
    public void send(ConsumerRecord<String, String> record, String reason) {
        String topic = Topics.deadLetterTopic(consumer, record.topic());
        Backoff backoff = new Backoff(inboxConfig.firstRetryDelay(), inboxConfig.maxRetryDelay());
        for (int failures = 1;; failures++) {
            try {
                ensureTopic(topic);
                producer().send(deadLetter(topic, record, reason))
                        .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                readiness.recovered(record.topic());
                LOG.warnf("Dead-lettered the record at %s-%d@%d to %s: %s", record.topic(), record.partition(),
                        record.offset(), topic, reason);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering (shutting down)", e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                Duration delay = backoff.delayAfter(failures);
                readiness.stalled(record.topic(), "dead-letter topic unavailable");
                meters.counter("alliance_pulse.dead_letters.send_failures", "topic", record.topic()).increment();
                LOG.warnf("Could not dead-letter the record at %s-%d@%d (%s); retrying in %d ms", record.topic(),
                        record.partition(), record.offset(), cause.getClass().getName(), delay.toMillis());
                Inbox.sleep(delay);
            }
        }
    }

    private ProducerRecord<String, String> deadLetter(String topic, ConsumerRecord<String, String> record,
            String reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                letter.headers().add(header);
            }
        }
        header(letter, REASON, reason);
        header(letter, TOPIC, record.topic());
        header(letter, PARTITION, String.valueOf(record.partition()));
        header(letter, OFFSET, String.valueOf(record.offset()));
        header(letter, CONSUMER, consumer);
        header(letter, TIME, Instant.now().toString());
        return letter;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }

    /** Creates the dead-letter topic unless it exists: as many partitions and replicas as its source, our retention. */
    void ensureTopic(String topic) {
        if (created.contains(topic)) {
            return;
        }
        String source = topic.substring(consumer.length() + 1, topic.length() - ".dlq".length());
        try (Admin admin = Admin.create(adminProperties())) {
            Optional<Integer> partitions = Optional.empty();
            Optional<Short> replicas = Optional.empty();
            Map<String, TopicDescription> sources = admin.describeTopics(Set.of(source)).allTopicNames()
                    .toCompletionStage().toCompletableFuture().exceptionally(missing -> Map.of())
                    .get(10, TimeUnit.SECONDS);
            if (sources.containsKey(source)) {
                partitions = Optional.of(sources.get(source).partitions().size());
                // a dead letter may be the last copy of an event: as many replicas as its source has
                replicas = Optional.of((short) sources.get(source).partitions().get(0).replicas().size());
            }
            NewTopic newTopic = new NewTopic(topic, partitions, replicas)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(config.retention().toMillis())));
            admin.createTopics(Set.of(newTopic)).all().get(10, TimeUnit.SECONDS);
            LOG.infof("Created dead-letter topic %s", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create dead-letter topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer creating " + topic, e);
        }
        created.add(topic);
    }

    Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, consumer + "-dead-letters-admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return props;
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, consumer + "-dead-letters");
                    int timeout = (int) config.sendTimeout().toMillis();
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
            }
        }
        return producer;
    }
}
