package io.contacts.query.projection;

/**
 * Why the projector cannot apply a record: it goes to the dead-letter topic with this as its cause. No stack trace:
 * the reason and the message say everything, and the dead letter's headers carry them.
 */
final class PoisonEventException extends RuntimeException {

    /** The short reason code of the {@code contacts_dlt-reason} header. */
    enum Reason {
        /** headers or body do not follow the contract */
        MALFORMED("malformed"),
        /** a CloudEvents type this version does not know (a newer producer): deploy a newer query-service, replay */
        UNKNOWN_TYPE("unknown_type"),
        /** the contact has no document and the event does not create one */
        ORPHAN("orphan"),
        /** Elasticsearch refused the resulting document as invalid (not as overloaded) */
        REJECTED("rejected");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final Reason reason;

    PoisonEventException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
