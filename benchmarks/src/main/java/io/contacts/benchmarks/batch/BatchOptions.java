package io.contacts.benchmarks.batch;

import io.contacts.benchmarks.Options;

/**
 * What {@code run.sh batch} sends: {@code clients} clients each sending {@code batches} batches of {@code size}
 * contacts one after the other, after {@code warmUpBatches} each that are not measured.
 */
public record BatchOptions(int clients, int size, int batches, int warmUpBatches) {

    /** The API's limit per request. */
    static final int MAX_SIZE = 1000;

    public static BatchOptions parse(String... args) {
        boolean quick = false;
        Integer batches = null;
        int clients = 4;
        int size = 500;
        Options options = new Options(args);
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--quick" -> quick = true;
                case "--batches" -> batches = options.number(10_000);
                case "--clients" -> clients = options.number(64);
                case "--size" -> size = options.number(MAX_SIZE);
                default -> throw Options.unknown(option);
            }
        }
        return new BatchOptions(clients, size, batches != null ? batches : quick ? 10 : 50, quick ? 1 : 4);
    }

    int contacts() {
        return clients * batches * size;
    }
}
