package io.contacts.events;

/**
 * Kafka header names of a CloudEvents 1.0 event in binary content mode, with the contract's two extensions.
 * Values are UTF-8 strings.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    /** The contact id. */
    public static final String SUBJECT = "ce_subject";
    /** Extension {@code accountid}: the account the contact belongs to. */
    public static final String ACCOUNT_ID = "ce_accountid";
    /** Extension {@code sequence}: the contact's gapless event number, from 0; use it to de-duplicate. */
    public static final String SEQUENCE = "ce_sequence";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * Not a CloudEvents attribute, and not on every event: {@code true} on the events of a write whose answer waits
     * until it is searchable (the query side refreshes at once what holds one). Other subscribers ignore it.
     */
    public static final String AWAITED = "contacts_awaited";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String SOURCE_VALUE = "/contacts/command-service";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
