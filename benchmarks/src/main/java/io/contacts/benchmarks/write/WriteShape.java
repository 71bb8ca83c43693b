package io.contacts.benchmarks.write;

/** What the write benchmark sends. */
enum WriteShape {
    CREATE("create (POST)"),
    /** The same creates, each with its own key: what keeping keys and answers costs. */
    KEYED_CREATE("create, Idempotency-Key"),
    UPDATE("update (PATCH, PUT)");

    private final String label;

    WriteShape(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
