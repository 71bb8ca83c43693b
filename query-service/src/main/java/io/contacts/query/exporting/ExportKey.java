package io.contacts.query.exporting;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An export requested with an {@code Idempotency-Key}: the key is unique per account and user (the requester), and
 * the job's id derives from the three, so that every request with the key, on any instance, names the same job
 * document and Elasticsearch's create-if-absent lets exactly one of them make it. Ids derive in a sequence
 * ({@code attempt} 0, 1, ...) for the improbable case of a 53-bit id that another job holds already.
 *
 * @param fingerprint SHA-256 of the request (method, path, query and body), Base64: what tells a retry from another
 *                    request under the same key
 */
record ExportKey(long accountId, long userId, IdempotencyKey key, String fingerprint) {

    static ExportKey of(long accountId, long userId, IdempotencyKey key, String method, String path, String query,
                        byte[] body) {
        MessageDigest digest = sha256();
        for (String part : new String[]{method, path, query == null ? "" : query}) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        digest.update(body == null ? new byte[0] : body);
        return new ExportKey(accountId, userId, key, Base64.getEncoder().encodeToString(digest.digest()));
    }

    /** The id of the job of this key, in [1, {@link ExportJob#MAX_ID}). */
    long jobId(int attempt) {
        MessageDigest digest = sha256();
        digest.update(ByteBuffer.allocate(2 * Long.BYTES + Integer.BYTES).putLong(accountId).putLong(userId)
                .putInt(attempt).array());
        digest.update(key.value().getBytes(StandardCharsets.US_ASCII));
        return 1 + Math.floorMod(ByteBuffer.wrap(digest.digest()).getLong(), ExportJob.MAX_ID - 1);
    }

    /** Whether the job was requested with this key (rather than holding its id by chance). */
    boolean owns(ExportJob job) {
        return job.accountId() == accountId && job.userId() == userId && key.value().equals(job.idempotencyKey());
    }

    /** The key's job, if it was requested by this same request; another request under the key is refused. */
    ExportJob answeredBy(ExportJob job) {
        if (!fingerprint.equals(job.requestFingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        return job;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
