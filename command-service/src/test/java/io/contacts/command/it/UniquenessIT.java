package io.contacts.command.it;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Email, phone number and identifier are unique per account, also under concurrent writes. */
class UniquenessIT extends CommandServiceIT {

    /** Runs the tasks at the same moment and returns their results in order. */
    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofEightConcurrentCreatesWithOneEmailExactlyOneWins() throws Exception {
        Account account = newAccount();
        String email = uniqueEmail();
        List<Callable<HttpJson.Response>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = HttpJson.json(Map.of("name", "racer " + i, "email", email));
            creates.add(() -> http().send("POST", contacts(account), account.adminToken(), body));
        }

        List<HttpJson.Response> responses = concurrently(creates);

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 422).hasSize(7)
                .allSatisfy(r -> assertThat(r.json().path("message").asText())
                        .isEqualTo("Email has already been taken"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_claims WHERE account_id = ? AND kind = 'email'"
                + " AND value = ?", Long.class, account.id(), email)).isEqualTo(1);
    }

    @Test
    void deletingAContactFreesItsValues() {
        Account account = newAccount();
        String email = uniqueEmail();
        Map<String, Object> values = Map.of("email", email, "phone_number", "+4915112345", "identifier", "ext-9");
        long id = createContact(account, values);
        assertThat(http().send("POST", contacts(account), account.adminToken(), HttpJson.json(values)).status())
                .isEqualTo(422);

        assertThat(http().send("DELETE", contacts(account) + "/" + id, account.adminToken(), null).status())
                .isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_claims WHERE account_id = ? AND contact_id = ?",
                Long.class, account.id(), id)).isZero();
        createContact(account, values);
    }

    @Test
    void anUpdateReleasesTheOldValue() {
        Account account = newAccount();
        String oldEmail = uniqueEmail();
        long id = createContact(account, Map.of("email", oldEmail));
        HttpJson.Response update = http().send("PATCH", contacts(account) + "/" + id, account.adminToken(),
                HttpJson.json(Map.of("email", uniqueEmail())));
        assertThat(update.status()).isEqualTo(200);
        createContact(account, Map.of("email", oldEmail));
    }

    @Test
    void emailIsCaseInsensitiveIdentifierCaseSensitiveAndAccountsAreSeparate() {
        Account account = newAccount();
        createContact(account, Map.of("email", "Mixed@Example.com", "identifier", "TestIdentifier"));

        HttpJson.Response sameEmail = http().send("POST", contacts(account), account.adminToken(),
                HttpJson.json(Map.of("email", "mixed@example.COM")));
        assertThat(sameEmail.status()).isEqualTo(422);
        createContact(account, Map.of("identifier", "testidentifier"));
        HttpJson.Response sameIdentifier = http().send("POST", contacts(account), account.adminToken(),
                HttpJson.json(Map.of("identifier", "TestIdentifier")));
        assertThat(sameIdentifier.json().path("message").asText()).isEqualTo("Identifier has already been taken");

        createContact(newAccount(), Map.of("email", "mixed@example.com", "identifier", "TestIdentifier"));
    }

    @Test
    void blankIdentifiersNeverCollide() {
        Account account = newAccount();
        createContact(account, Map.of("identifier", ""));
        createContact(account, Map.of("identifier", " "));
    }

    @Test
    void concurrentUpdatesOfOneContactAllSurvive() throws Exception {
        Account account = newAccount();
        long id = createContact(account, Map.of("name", "Shared"));
        List<Callable<HttpJson.Response>> updates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String body = HttpJson.json(Map.of("custom_attributes", Map.of("key" + i, i)));
            updates.add(() -> http().send("PATCH", contacts(account) + "/" + id, account.adminToken(), body));
        }

        assertThat(concurrently(updates)).extracting(HttpJson.Response::status).containsOnly(200);

        HttpJson.Response after = http().send("PATCH", contacts(account) + "/" + id, account.adminToken(), "{}");
        assertThat(after.json().path("payload").path("custom_attributes").size()).isEqualTo(10);
        assertThat(jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, String.valueOf(id)))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }
}
