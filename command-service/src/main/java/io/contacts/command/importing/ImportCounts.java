package io.contacts.command.importing;

/** What a batch of rows did: rows applied (every row, failed ones too) and the outcome of each. */
record ImportCounts(int rows, int created, int updated, int duplicates, int failed) {

    static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);

    ImportCounts plus(ImportCounts other) {
        return new ImportCounts(rows + other.rows, created + other.created, updated + other.updated,
                duplicates + other.duplicates, failed + other.failed);
    }
}
