package io.contacts.command.it;

import io.contacts.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A configuration write answers once every running reader (a query-service instance: a consumer group of its own
 * under the prefix) has committed past the write's announcement, which is sent after the commit; a reader that never
 * confirms holds it only until the await timeout, a stopped one not at all.
 */
class ConfigurationChangesIT extends CommandServiceIT {

    /** Reads the topic from its end in a group of its own; commits its position only while {@code confirming}. */
    private static final class Reader implements AutoCloseable {

        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        /** Announced account id → what {@code onArrival} saw when the announcement arrived. */
        final Map<Long, Boolean> arrived = new ConcurrentHashMap<>();
        volatile boolean confirming;
        private volatile boolean assigned;
        private volatile boolean running = true;

        Reader(LongPredicate onArrival) {
            thread.submit(() -> {
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                        ConsumerConfig.GROUP_ID_CONFIG, CONFIGURATION_GROUP_PREFIX + "." + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                        new StringDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(CONFIGURATION_TOPIC));
                    while (running) {
                        consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                            long account = Long.parseLong(record.key());
                            arrived.put(account, onArrival.test(account));
                        });
                        if (!consumer.assignment().isEmpty()) {
                            consumer.assignment().forEach(consumer::position);
                            assigned = true;
                        }
                        if (confirming) {
                            consumer.commitSync();
                        }
                    }
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> assigned);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.shutdown();
            assertThat(thread.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private long newInbox(Account account) {
        HttpJson.Response created = http().send("POST", "/api/v1/accounts/" + account.id() + "/inboxes",
                account.adminToken(), HttpJson.json(Map.of("name", "Support", "channel", Map.of("type", "api"))));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private long agentId(Account account) {
        return http().send("GET", "/internal/v1/accounts/" + account.id() + "/access", account.agentToken(), null)
                .json().path("user_id").asLong();
    }

    @Test
    void aWriteAnswersOnceEveryRunningReaderConfirmedItsAnnouncementSentAfterTheCommit() throws Exception {
        Account account = newAccount();
        long inbox = newInbox(account);
        long agent = agentId(account);
        try (Reader reader = new Reader(announced -> !jdbc.queryForList(
                "SELECT 1 FROM inbox_members WHERE inbox_id = ? AND user_id = ?", Integer.class, inbox, agent)
                .isEmpty())) {
            CompletableFuture<HttpJson.Response> write = CompletableFuture.supplyAsync(() -> http().send("POST",
                    "/api/v1/accounts/" + account.id() + "/inbox_members", account.adminToken(),
                    HttpJson.json(Map.of("inbox_id", inbox, "user_ids", List.of(agent)))));

            await().atMost(CONFIGURATION_AWAIT_TIMEOUT).until(() -> reader.arrived.containsKey(account.id()));
            assertThat(reader.arrived.get(account.id())).as("the membership was committed before it was announced")
                    .isTrue();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> !write.isDone());

            reader.confirming = true;
            await().atMost(Duration.ofSeconds(2)).until(write::isDone);
            assertThat(write.get().status()).as(write.get().text()).isEqualTo(200);
        }
    }

    @Test
    void aReaderThatNeverConfirmsHoldsTheWriteUntilTheTimeoutAndAStoppedOneNotAtAll() throws Exception {
        Account account = newAccount();
        CompletableFuture<Long> held;
        try (Reader silent = new Reader(announced -> true)) {
            held = CompletableFuture.supplyAsync(() -> newInbox(account));
            await().atMost(CONFIGURATION_AWAIT_TIMEOUT.plusSeconds(3)).until(held::isDone);
            assertThat(silent.arrived).containsKey(account.id());
        }
        assertThat(http().send("GET", "/api/v1/accounts/" + account.id() + "/inboxes", account.adminToken(), null)
                .json().path("payload").findValuesAsText("id")).contains(String.valueOf(held.get()));

        // a stopped reader left its group: the next write does not wait for it
        CompletableFuture<Long> free = CompletableFuture.supplyAsync(() -> newInbox(account));
        await().atMost(CONFIGURATION_AWAIT_TIMEOUT.minusSeconds(1)).until(free::isDone);
        assertThat(free.get()).isPositive();
    }
}
