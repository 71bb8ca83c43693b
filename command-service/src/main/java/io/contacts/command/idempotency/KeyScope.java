package io.contacts.command.idempotency;

/**
 * Where a key is unique: per principal (a user, or the platform token) and endpoint (method and path, so the account
 * too). The same key on another endpoint or by another user is another key.
 */
record KeyScope(String principal, String endpoint, IdempotencyKey key) {
}
