package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Idempotency-Key header through the edge: a retried write answers its first outcome and never writes twice,
 * also when PostgreSQL freezes (SIGSTOP) while a create is in flight (docs/idempotency.md).
 */
class IdempotencyIT {

    private static final Edge EDGE = new Edge();
    /** The write bound (read-your-writes wait 5 s + 1 s) plus the edge's and the client's own share. */
    private static final Duration WRITE_BOUND = Duration.ofMillis(6_500);
    private static final Set<String> NOTHING_WRITTEN_OR_IN_DOUBT = Set.of("nothing written", "in doubt");

    private Member admin;
    /** In the name of every contact a test creates: what {@link #count()} searches for. */
    private String tag;

    @BeforeEach
    void account() {
        admin = EDGE.newMember(EDGE.newAccount(), "administrator");
        tag = "tag" + unique();
    }

    private Reply post(String path, String key, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("api_access_token", admin.token());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        try {
            return EDGE.raw("POST", path, headers, Edge.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many of the account's contacts carry this test's tag in their name, once at least {@code atLeast} do
     * (search results refresh shortly after a write).
     */
    private long count(long atLeast) {
        return await().atMost(Duration.ofSeconds(30)).until(this::count, count -> count >= atLeast);
    }

    private long count() {
        return names().size();
    }

    private static long contactId(Reply reply) {
        return reply.body().path("payload").path("contact").path("id").asLong();
    }

    @Test
    void aCreateRetriedWithTheSameKeyAnswersTheSameContactAndCreatesOne() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Ada " + tag);
        Reply first = post(contacts(admin), key, body);
        Reply retry = post(contacts(admin), key, body);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(count(1)).isEqualTo(1);

        Reply other = post(contacts(admin), UUID.randomUUID().toString(), body);
        assertThat(contactId(other)).isNotEqualTo(contactId(first));
        assertThat(count(2)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(post(contacts(admin), key, Map.of("name", "First " + tag)).status()).isEqualTo(200);
        Reply other = post(contacts(admin), key, Map.of("name", "Second " + tag));
        assertThat(other.status()).as(other.raw()).isEqualTo(422);
        assertThat(other.body().path("error").asText()).contains("Idempotency-Key");
        assertThat(count(1)).isEqualTo(1);
    }

    @Test
    void concurrentCreatesWithOneKeyWriteOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Concurrent " + tag);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> post(contacts(admin), key, body), clients));
            }
            List<Reply> answers = replies.stream().map(CompletableFuture::join).toList();
            // each one either answers the one write's outcome or says that the key's first request is still running
            assertThat(answers).allSatisfy(reply -> assertThat(reply.status()).as(reply.raw()).isIn(200, 409));
            Set<Long> ids = answers.stream().filter(reply -> reply.status() == 200).map(IdempotencyIT::contactId)
                    .collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(count(1)).isEqualTo(1);
    }

    @Test
    void aRefusalIsReplayedEvenWhenTheRequestWouldNowSucceed() {
        String email = unique() + "@idempotency.test";
        Reply holder = post(contacts(admin), null, Map.of("name", "Holder " + tag, "email", email));
        assertThat(holder.status()).as(holder.raw()).isEqualTo(200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Taker " + tag, "email", email);
        Reply refused = post(contacts(admin), key, body);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);

        Reply deleted = EDGE.call("DELETE", contacts(admin) + "/" + contactId(holder), admin.token(), null);
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        Reply retry = post(contacts(admin), key, body);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(422);
        assertThat(retry.body()).isEqualTo(refused.body());
        assertThat(count()).isZero();
    }

    @Test
    void otherWritesHonourTheKeyToo() {
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/accounts/" + admin.accountId() + "/custom_attribute_definitions";
        Map<String, Object> body = Map.of("attribute_key", "tier_" + unique().replace('-', '_'),
                "attribute_display_name", "Tier", "attribute_display_type", "text",
                "attribute_model", "contact_attribute");
        Reply first = post(path, key, body);
        Reply retry = post(path, key, body);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(retry.body().path("id")).isEqualTo(first.body().path("id"));
        Reply list = EDGE.get(path + "?attribute_model=contact_attribute", admin.token());
        assertThat(list.body().size()).as(list.raw()).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsABadRequestAndWritesNothing() {
        for (String key : List.of("x".repeat(256), "with space")) {
            Map<String, String> headers = Map.of("api_access_token", admin.token(), "Content-Type", "application/json",
                    "Idempotency-Key", key);
            Reply reply = EDGE.raw("POST", contacts(admin), headers,
                    ("{\"name\":\"Bad key " + tag + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(reply.status()).as(key + ": " + reply.raw()).isEqualTo(400);
            assertThat(reply.body().path("error").asText()).contains("Idempotency-Key");
        }
        assertThat(count()).isZero();
    }

    /**
     * Creates streaming from several clients when every PostgreSQL process is stopped: each answers within the write
     * bound, either 200 (written before the freeze), "nothing written" or "in doubt"; once PostgreSQL runs again, a
     * retry of each 503 with its key leaves exactly one contact per key.
     */
    @Test
    void aFrozenPostgresAnswersWithinTheBoundAndARetryWritesOnce() throws Exception {
        int writers = 6;
        AtomicBoolean frozen = new AtomicBoolean();
        AtomicInteger serial = new AtomicInteger();
        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(writers);
        List<Long> stopped = List.of();
        try {
            List<CompletableFuture<Void>> streams = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                streams.add(CompletableFuture.runAsync(() -> {
                    boolean last;
                    do {
                        // one more create after the freeze began, then this client stops
                        last = frozen.get();
                        String key = UUID.randomUUID().toString();
                        Map<String, Object> body = Map.of("name", "Frozen" + serial.incrementAndGet() + " " + tag);
                        attempts.add(new Attempt(key, body, timed(key, body), last));
                    } while (!last);
                }, clients));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts.size() >= 2 * writers);
            stopped = signal("STOP", postgresProcesses());
            frozen.set(true);
            streams.forEach(CompletableFuture::join);
        } finally {
            signal("CONT", stopped);
            clients.shutdownNow();
        }
        Map<String, Long> outcomes = attempts.stream().collect(Collectors.groupingBy(
                attempt -> attempt.timed().reply().status() == 200 ? "written" : outcome(attempt.timed().reply().body()),
                Collectors.counting()));
        System.out.println("Creates around the freeze: " + outcomes);
        for (Attempt attempt : attempts) {
            Reply reply = attempt.timed().reply();
            assertThat(attempt.timed().took()).as(reply.raw()).isLessThan(WRITE_BOUND);
            assertThat(reply.status()).as(reply.raw()).isIn(200, 503);
            if (reply.status() == 503 || attempt.startedFrozen()) {
                assertThat(outcome(reply.body())).as(reply.raw()).isIn(NOTHING_WRITTEN_OR_IN_DOUBT);
            }
        }
        for (Attempt attempt : attempts) {
            if (attempt.timed().reply().status() == 503) {
                Reply retry = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> post(contacts(admin), attempt.key(), attempt.body()),
                                reply -> reply.status() == 200 || reply.status() == 409);
                if (retry.status() == 409) {
                    // the first request was written but its answer is lost: the key says so
                    assertThat(retry.body().path("outcome").asText()).as(retry.raw()).isEqualTo("committed");
                }
            }
        }
        count(attempts.size());
        List<String> names = names();
        for (Attempt attempt : attempts) {
            assertThat(names).as("one contact per key").containsOnlyOnce((String) attempt.body().get("name"));
        }
    }

    private record Attempt(String key, Map<String, Object> body, Timed timed, boolean startedFrozen) {
    }

    /** The names of every contact this test made, page after page of the search. */
    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (int page = 1; ; page++) {
            Reply reply = EDGE.get(contacts(admin) + "/search?q=" + tag + "&page=" + page, admin.token());
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            if (reply.body().path("payload").isEmpty()) {
                return names;
            }
            reply.body().path("payload").forEach(contact -> names.add(contact.path("name").asText()));
        }
    }

    private record Timed(Reply reply, Duration took) {
    }

    private Timed timed(String key, Map<String, Object> body) {
        long start = System.nanoTime();
        Reply reply = post(contacts(admin), key, body);
        return new Timed(reply, Duration.ofNanos(System.nanoTime() - start));
    }

    private static String outcome(JsonNode body) {
        if (!"Service unavailable".equals(body.path("error").asText())) {
            return "other: " + body;
        }
        if (body.size() == 1) {
            return "nothing written";
        }
        return "unknown".equals(body.path("outcome").asText()) ? "in doubt" : "other: " + body;
    }

    /** The postmaster of the stack's PostgreSQL and every process it started. */
    private static List<Long> postgresProcesses() throws IOException {
        Path pidFile = Path.of(System.getenv().getOrDefault("CONTACTS_RUN_DIR",
                Path.of("..", "infra", ".run").toString()), "pids", "pg.pid");
        assertThat(pidFile).as("the stack's PostgreSQL pid file (" + TestInfrastructure.edgeUrl() + ")").exists();
        long postmaster = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle handle = ProcessHandle.of(postmaster)
                .orElseThrow(() -> new AssertionError("PostgreSQL (pid " + postmaster + ") is not running"));
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        handle.descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    private static List<Long> signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        if (pids.isEmpty()) {
            return pids;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kill.waitFor()).as("kill -" + signal + ": " + output).isZero();
        return pids;
    }
}
