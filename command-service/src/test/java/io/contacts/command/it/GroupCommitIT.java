package io.contacts.command.it;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrent contact writes commit together (the command side's group commit): one transaction for the commands
 * queued while another commits, each request with exactly the answer it gets alone. The test queues its requests in a
 * known order behind a create and a group that wait on a claim it holds uncommitted, then lets them all go.
 */
class GroupCommitIT extends CommandServiceIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Autowired
    MeterRegistry meters;
    @Autowired
    DataSource dataSource;

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    private record Request(String method, String path, String token, Map<String, Object> body, Map<String, String> headers) {

        static Request of(String method, String path, String token, Map<String, Object> body) {
            return new Request(method, path, token, body, Map.of());
        }
    }

    private Future<HttpJson.Response> submit(Request request) {
        return clients.submit(() -> http().send(request.method(), request.path(), request.token(),
                HttpJson.json(request.body()), "application/json", request.headers()));
    }

    private HttpJson.Response alone(Request request) {
        return http().send(request.method(), request.path(), request.token(), HttpJson.json(request.body()),
                "application/json", request.headers());
    }

    private double queued() {
        return meters.get("contacts.commands.group.queued").gauge().value();
    }

    private long lockWaits() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND datname = current_database()", Long.class);
    }

    /**
     * Sends the requests one after the other into the queue of the group commit, held busy meanwhile, then lets them
     * commit and returns their answers in order.
     */
    private List<HttpJson.Response> queuedTogether(Account account, List<Request> requests) throws Exception {
        String first = uniqueEmail();
        String second = uniqueEmail();
        List<Future<HttpJson.Response>> holders = new ArrayList<>();
        List<Future<HttpJson.Response>> answers = new ArrayList<>();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement hold = blocker.prepareStatement("INSERT INTO contact_claims (account_id, kind, "
                    + "value, contact_id) VALUES (?, 'email', ?, 0), (?, 'email', ?, 0)")) {
                hold.setLong(1, account.id());
                hold.setString(2, first);
                hold.setLong(3, account.id());
                hold.setString(4, second);
                hold.executeUpdate();
            }
            long waitsBefore = lockWaits();
            // nothing in flight: this create runs alone, and waits for the held claim
            holders.add(submit(Request.of("POST", contacts(account), account.adminToken(), Map.of("email", first))));
            await().atMost(DEADLINE).until(() -> lockWaits() > waitsBefore);
            // a write in flight: this one goes to the committer, whose group of one then waits for the held claim
            holders.add(submit(Request.of("POST", contacts(account), account.adminToken(), Map.of("email", second))));
            await().atMost(DEADLINE).until(() -> lockWaits() > waitsBefore + 1);
            for (Request request : requests) {
                int before = (int) queued();
                answers.add(submit(request));
                await().atMost(DEADLINE).until(() -> queued() > before);
            }
            blocker.rollback();
        }
        for (Future<HttpJson.Response> holder : holders) {
            assertThat(holder.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        List<HttpJson.Response> responses = new ArrayList<>();
        for (Future<HttpJson.Response> answer : answers) {
            responses.add(answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        }
        return responses;
    }

    /** How many transactions wrote the events of these contacts. */
    private long transactions(List<Long> contacts) throws SQLException {
        return jdbc.queryForObject("SELECT count(DISTINCT xmin::text) FROM domainevententry "
                + "WHERE aggregateidentifier = ANY(?)", Long.class, (Object) contacts.stream().map(String::valueOf)
                .toArray(String[]::new));
    }

    private static long id(HttpJson.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    @Test
    void commandsQueuedTogetherCommitInOneTransactionEachWithItsOwnAnswer() throws Exception {
        Account account = newAccount();
        long updated = createContact(account, Map.of("name", "Before"));
        String held = uniqueEmail();
        long holder = createContact(account, Map.of("email", held));
        String duplicate = uniqueEmail();
        String path = contacts(account);
        String token = account.adminToken();
        String key = "group-" + uniqueEmail();
        List<Request> requests = List.of(
                Request.of("POST", path, token, Map.of("name", "one", "email", uniqueEmail())),
                Request.of("POST", path, token, Map.of("name", "first with the email", "email", duplicate)),
                Request.of("PATCH", path + "/" + updated, token, Map.of("name", "First")),
                Request.of("PATCH", path + "/999999999", token, Map.of("name", "nobody")),
                Request.of("POST", path, token, Map.of("name", "second with the email", "email", duplicate)),
                Request.of("PATCH", path + "/" + updated, token, Map.of("phone_number", "+4915100000009")),
                new Request("POST", path, token, Map.of("name", "keyed", "email", uniqueEmail()),
                        Map.of("Idempotency-Key", key)),
                Request.of("POST", path, token, Map.of("name", "two", "phone_number", "+4915100000001")),
                Request.of("POST", path, token, Map.of("name", "held elsewhere", "email", held)));
        DistributionSummaryCounts before = DistributionSummaryCounts.of(meters);
        double failedBefore = meters.get("contacts.commands.group.failed").counter().count();

        List<HttpJson.Response> answers = queuedTogether(account, requests);

        // one group of all nine (the two holders committed in a transaction each, the second as a group of one)
        assertThat(meters.get("contacts.commands.group.failed").counter().count()).isEqualTo(failedBefore);
        DistributionSummaryCounts after = DistributionSummaryCounts.of(meters);
        assertThat(after.groups() - before.groups()).isEqualTo(2);
        assertThat(after.commands() - before.commands()).isEqualTo(1 + requests.size());
        long one = id(answers.get(0));
        long withEmail = id(answers.get(1));
        long keyed = id(answers.get(6));
        long two = id(answers.get(7));
        assertThat(transactions(List.of(one, withEmail, updated, keyed, two)))
                .as("the updated contact's creation, then the group's creates and updates in one transaction")
                .isEqualTo(2);

        // the same contact twice: in arrival order, each answer showing the contact after its own update
        assertThat(answers.get(2).json().path("payload").path("name").asText()).isEqualTo("First");
        assertThat(answers.get(2).json().path("payload").path("phone_number").isNull()).isTrue();
        assertThat(answers.get(5).json().path("payload").path("name").asText()).isEqualTo("First");
        assertThat(answers.get(5).json().path("payload").path("phone_number").asText()).isEqualTo("+4915100000009");
        assertThat(jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, String.valueOf(updated))).containsExactly(0L, 1L, 2L);

        // a value a contact outside the group holds, a missing contact and a value an earlier command of the group
        // took: the answers they get alone
        HttpJson.Response heldElsewhere = answers.get(8);
        assertThat(heldElsewhere.status()).isEqualTo(422);
        assertThat(heldElsewhere.json()).isEqualTo(alone(requests.get(8)).json());
        assertThat(jdbc.queryForObject("SELECT contact_id FROM contact_claims WHERE account_id = ? AND kind = 'email'"
                + " AND value = ?", Long.class, account.id(), held)).isEqualTo(holder);
        HttpJson.Response missing = answers.get(3);
        HttpJson.Response taken = answers.get(4);
        HttpJson.Response missingAlone = alone(requests.get(3));
        HttpJson.Response takenAlone = alone(requests.get(4));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json()).isEqualTo(missingAlone.json());
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json()).isEqualTo(takenAlone.json());
        assertThat(taken.json().path("message").asText()).isEqualTo("Email has already been taken");
        assertThat(jdbc.queryForObject("SELECT contact_id FROM contact_claims WHERE account_id = ? AND kind = 'email'"
                + " AND value = ?", Long.class, account.id(), duplicate)).isEqualTo(withEmail);

        // the keyed create's key committed with it: a retry answers the first answer
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", Long.class,
                key)).isEqualTo(1);
        await().atMost(DEADLINE).until(() -> jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE "
                + "idempotency_key = ? AND status = 200", Long.class, key) == 1);
        HttpJson.Response retried = alone(requests.get(6));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("id").asLong()).isEqualTo(keyed);
    }

    @Test
    void aGroupThatFailsAsAWholeRunsEachCommandAgainAloneSoThatOnlyTheFaultyOneFails() throws Exception {
        Account account = newAccount();
        long updated = createContact(account, Map.of("name", "Before"));
        String path = contacts(account);
        String token = account.adminToken();
        String key = "twice-" + uniqueEmail();
        String keyedEmail = uniqueEmail();
        Request keyed = new Request("POST", path, token, Map.of("name", "keyed", "email", keyedEmail),
                Map.of("Idempotency-Key", key));
        // the same key twice in one group: the second finds the key taken when the group commits
        List<Request> requests = List.of(
                Request.of("POST", path, token, Map.of("name", "fine", "email", uniqueEmail())),
                keyed,
                keyed,
                Request.of("PATCH", path + "/" + updated, token, Map.of("name", "After")));
        double failedBefore = meters.get("contacts.commands.group.failed").counter().count();

        List<HttpJson.Response> answers = queuedTogether(account, requests);

        assertThat(meters.get("contacts.commands.group.failed").counter().count()).isEqualTo(failedBefore + 1);
        long fine = id(answers.get(0));
        assertThat(answers.get(3).json().path("payload").path("name").asText()).isEqualTo("After");
        assertThat(transactions(List.of(fine, updated))).as("created alone, updated alone, updated again")
                .isEqualTo(3);
        // written once, and both requests with the key answer that write
        assertThat(id(answers.get(1))).isEqualTo(id(answers.get(2)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_claims WHERE account_id = ? AND value = ?",
                Long.class, account.id(), keyedEmail)).isEqualTo(1);
    }

    /** The group sizes recorded so far: how many groups committed, with how many commands in all. */
    private record DistributionSummaryCounts(long groups, double commands) {

        static DistributionSummaryCounts of(MeterRegistry meters) {
            var sizes = meters.get("contacts.commands.group.size").summary();
            return new DistributionSummaryCounts(sizes.count(), sizes.totalAmount());
        }
    }
}
