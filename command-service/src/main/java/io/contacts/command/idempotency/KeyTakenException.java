package io.contacts.command.idempotency;

/** Another request with the same key committed while this one ran: this one's write rolls back. */
class KeyTakenException extends RuntimeException {

    KeyTakenException() {
        super("Another request with this Idempotency-Key committed first");
    }
}
