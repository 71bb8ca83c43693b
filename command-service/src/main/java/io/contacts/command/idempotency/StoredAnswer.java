package io.contacts.command.idempotency;

/** A write's answer as it was sent: status, content type and the exact body bytes. */
record StoredAnswer(int status, String contentType, byte[] body) {
}
