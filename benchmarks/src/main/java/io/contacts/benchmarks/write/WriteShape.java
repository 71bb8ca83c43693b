package io.contacts.benchmarks.write;

/** What the write benchmark sends. */
enum WriteShape {
    CREATE("create (POST)"),
    UPDATE("update (PATCH, PUT)");

    private final String label;

    WriteShape(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
