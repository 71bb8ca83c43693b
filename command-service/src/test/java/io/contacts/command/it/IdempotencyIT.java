package io.contacts.command.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Idempotency-Key against the real PostgreSQL: what is stored, with which transaction, and what a retry answers. */
class IdempotencyIT extends CommandServiceIT {

    private HttpJson.Response post(String path, String token, String key, Map<String, Object> body) {
        return http().send("POST", path, token, HttpJson.json(body), "application/json",
                Map.of("Idempotency-Key", key));
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    /** The answer's status recorded under the key, once it is (the answer is recorded after it was sent). */
    private int storedStatus(String key) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "SELECT status FROM idempotency_keys WHERE idempotency_key = ? AND status IS NOT NULL",
                Integer.class, key), statuses -> !statuses.isEmpty()).get(0);
    }

    private long keys(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", Long.class, key);
    }

    @Test
    void theKeyIsStoredWithTheWriteAndItsExactAnswer() {
        Account account = newAccount();
        String key = UUID.randomUUID().toString();
        long before = events();
        HttpJson.Response first = post(contacts(account), account.adminToken(), key, Map.of("name", "Kept"));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1);
        assertThat(storedStatus(key)).isEqualTo(200);
        String endpoint = jdbc.queryForObject("SELECT endpoint FROM idempotency_keys WHERE idempotency_key = ?",
                String.class, key);
        assertThat(endpoint).isEqualTo("POST " + contacts(account));

        HttpJson.Response retry = post(contacts(account), account.adminToken(), key, Map.of("name", "Kept"));
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void aRefusedWriteLeavesNoEventsAndItsRefusalIsRemembered() {
        Account account = newAccount();
        String email = uniqueEmail();
        createContact(account, Map.of("email", email));
        long before = events();
        String key = UUID.randomUUID().toString();
        HttpJson.Response refused = post(contacts(account), account.adminToken(), key,
                Map.of("email", email, "identifier", "id-" + key));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(events()).isEqualTo(before);
        assertThat(storedStatus(key)).isEqualTo(422);
        // the identifier claimed before the email was found taken rolled back with the write
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_claims WHERE value = ?", Long.class,
                "id-" + key)).isZero();
    }

    @Test
    void aWriteWhoseAnswerWasLostIsNotWrittenAgain() {
        Account account = newAccount();
        String key = UUID.randomUUID().toString();
        assertThat(post(contacts(account), account.adminToken(), key, Map.of("name", "Lost")).status())
                .isEqualTo(200);
        assertThat(storedStatus(key)).isEqualTo(200);
        // as after an in-doubt COMMIT that did commit: the key is there, no answer was recorded
        jdbc.update("UPDATE idempotency_keys SET status = NULL, content_type = NULL, body = NULL, "
                + "written_at = written_at - interval '1 minute' WHERE idempotency_key = ?", key);
        long before = events();

        HttpJson.Response retry = post(contacts(account), account.adminToken(), key, Map.of("name", "Lost"));
        assertThat(retry.status()).as(retry.text()).isEqualTo(409);
        assertThat(retry.json().path("outcome").asText()).isEqualTo("committed");
        assertThat(retry.json().path("error").asText()).isNotBlank();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void concurrentRequestsWithOneKeyWriteOnceAndAllAnswerTheSame() {
        Account account = newAccount();
        String key = UUID.randomUUID().toString();
        // a unique identifier: a second write would be refused (422) rather than pass unnoticed
        Map<String, Object> body = Map.of("name", "Racer", "identifier", "racer-" + key);
        long before = events();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<HttpJson.Response>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> post(contacts(account), account.adminToken(), key,
                        body), clients));
            }
            List<HttpJson.Response> answers = replies.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.text()).isEqualTo(200));
            Set<Long> ids = answers.stream().map(answer -> answer.json().path("id").asLong())
                    .collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(events()).isEqualTo(before + 1);
        assertThat(keys(key)).isEqualTo(1);
    }

    @Test
    void platformCreatesAreKeyedToo() {
        String key = UUID.randomUUID().toString();
        String name = "Keyed " + key;
        HttpJson.Response first = post("/platform/api/v1/accounts", PLATFORM_TOKEN, key, Map.of("name", name));
        HttpJson.Response retry = post("/platform/api/v1/accounts", PLATFORM_TOKEN, key, Map.of("name", name));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM accounts WHERE name = ?", Long.class, name)).isOne();
        assertThat(storedStatus(key)).isEqualTo(200);
    }

    @Test
    void anAnswerWithASecretTakesNoKey() {
        String key = UUID.randomUUID().toString();
        String email = uniqueEmail();
        HttpJson.Response refused = post("/platform/api/v1/users", PLATFORM_TOKEN, key,
                Map.of("name", "Secret", "email", email, "password", "s3cret-pass"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("Invalid Idempotency-Key");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE email = ?", Long.class, email)).isZero();
        assertThat(keys(key)).isZero();
    }

    @Test
    void keysAreScopedToTheirUser() {
        Account account = newAccount();
        String key = UUID.randomUUID().toString();
        HttpJson.Response admin = post(contacts(account), account.adminToken(), key, Map.of("name", "Same"));
        HttpJson.Response agent = post(contacts(account), account.agentToken(), key, Map.of("name", "Same"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(agent.status()).isEqualTo(200);
        assertThat(agent.json().path("id").asLong()).isNotEqualTo(admin.json().path("id").asLong());
        assertThat(keys(key)).isEqualTo(2);
    }

    @Test
    void anExpiredKeyIsSweptAndNoLongerAnswers() {
        Account account = newAccount();
        String key = UUID.randomUUID().toString();
        HttpJson.Response first = post(contacts(account), account.adminToken(), key, Map.of("name", "Old"));
        jdbc.update("UPDATE idempotency_keys SET written_at = written_at - interval '25 hours' "
                + "WHERE idempotency_key = ?", key);
        await().atMost(Duration.ofSeconds(30)).until(() -> keys(key) == 0);

        HttpJson.Response later = post(contacts(account), account.adminToken(), key, Map.of("name", "Old"));
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.json().path("id").asLong()).isNotEqualTo(first.json().path("id").asLong());
    }
}
