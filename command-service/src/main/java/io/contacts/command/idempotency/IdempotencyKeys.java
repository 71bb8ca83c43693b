package io.contacts.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/** The table {@code idempotency_keys}: keys, the fingerprints of their requests and their recorded answers. */
@Component
class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    private static final String WHERE = " WHERE principal = ? AND endpoint = ? AND idempotency_key = ?";
    private static final int SWEEP_BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;

    IdempotencyKeys(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The key's record, unless it is absent or expired. */
    Optional<KeyRecord> find(KeyScope scope) {
        return jdbc.query("SELECT fingerprint, EXTRACT(EPOCH FROM clock_timestamp() - written_at) * 1000 AS age_ms, "
                        + "status, content_type, body FROM idempotency_keys" + WHERE
                        + " AND written_at > clock_timestamp() - ? * interval '1 millisecond'",
                (rs, n) -> new KeyRecord(rs.getBytes("fingerprint"), Duration.ofMillis(rs.getLong("age_ms")),
                        rs.getObject("status") == null ? Optional.empty() : Optional.of(new StoredAnswer(
                                rs.getInt("status"), rs.getString("content_type"), rs.getBytes("body")))),
                scope.principal(), scope.endpoint(), scope.key().value(), properties.retention().toMillis())
                .stream().findFirst();
    }

    /**
     * Writes the key without an answer, in the caller's transaction (the write's). False when the key is already
     * there: then another request with this key committed first (an expired record is replaced). Waits for a
     * concurrent uncommitted insert of the same key to end, as PostgreSQL does for a unique index.
     */
    boolean claim(KeyScope scope, byte[] fingerprint) {
        return jdbc.update("INSERT INTO idempotency_keys (principal, endpoint, idempotency_key, fingerprint) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (principal, endpoint, idempotency_key) DO UPDATE "
                        + "SET fingerprint = EXCLUDED.fingerprint, written_at = clock_timestamp(), status = NULL, "
                        + "content_type = NULL, body = NULL "
                        + "WHERE idempotency_keys.written_at <= clock_timestamp() - ? * interval '1 millisecond'",
                scope.principal(), scope.endpoint(), scope.key().value(), fingerprint,
                properties.retention().toMillis()) == 1;
    }

    /** Records the answer of the write that claimed the key. */
    void answer(KeyScope scope, StoredAnswer answer) {
        jdbc.update("UPDATE idempotency_keys SET status = ?, content_type = ?, body = ?" + WHERE
                        + " AND status IS NULL", answer.status(), answer.contentType(), answer.body(),
                scope.principal(), scope.endpoint(), scope.key().value());
    }

    /**
     * Records a key with its answer, for a request that committed no key of its own (it was refused before writing, or
     * wrote outside a transaction). False when the key is already there.
     */
    boolean claimAnswered(KeyScope scope, byte[] fingerprint, StoredAnswer answer) {
        return jdbc.update("INSERT INTO idempotency_keys (principal, endpoint, idempotency_key, fingerprint, status, "
                        + "content_type, body) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (principal, endpoint, idempotency_key) DO UPDATE "
                        + "SET fingerprint = EXCLUDED.fingerprint, written_at = clock_timestamp(), "
                        + "status = EXCLUDED.status, content_type = EXCLUDED.content_type, body = EXCLUDED.body "
                        + "WHERE idempotency_keys.written_at <= clock_timestamp() - ? * interval '1 millisecond'",
                scope.principal(), scope.endpoint(), scope.key().value(), fingerprint, answer.status(),
                answer.contentType(), answer.body(), properties.retention().toMillis()) == 1;
    }

    /** Deletes expired keys, a batch at a time, so that the sweep holds no long lock. */
    @Scheduled(fixedDelayString = "${contacts.idempotency.sweep-interval}",
            initialDelayString = "${contacts.idempotency.sweep-interval}")
    void sweep() {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update("DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(SELECT ctid FROM "
                            + "idempotency_keys WHERE written_at <= clock_timestamp() - ? * interval '1 millisecond' "
                            + "LIMIT ?))", properties.retention().toMillis(), SWEEP_BATCH);
            total += deleted;
        } while (deleted == SWEEP_BATCH);
        if (total > 0) {
            log.info("Swept {} expired idempotency keys", total);
        }
    }
}
