package io.contacts.benchmarks.all;

import io.contacts.benchmarks.Options;

/**
 * What {@code run.sh all} runs: each benchmark in its quick or full form, and the rows of the import (quick: 20,000
 * so that the whole run stays short; full: 100,000).
 * Quick runs each part shorter than its own {@code --quick}: on a fresh stack the 100,000-row import of the read
 * data alone takes about a minute (measured: 4 min 15 s in all with the parts' own quick settings).
 */
public record AllOptions(boolean quick, int importRows) {

    public static AllOptions parse(String... args) {
        boolean quick = false;
        Integer importRows = null;
        Options options = new Options(args);
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--quick" -> quick = true;
                case "--import-rows" -> importRows = options.number(10_000_000);
                default -> throw Options.unknown(option);
            }
        }
        return new AllOptions(quick, importRows != null ? importRows : quick ? 20_000 : 100_000);
    }

    /** The write path: quick 2 s per measurement after a 5 s warm-up of the stack (its own quick: 3 s, 10 s). */
    String[] write() {
        return quick ? new String[] {"--quick", "--seconds", "2", "--warm-up", "5"} : new String[0];
    }

    /** The projection lag: quick 5 s (its own quick: 8 s). */
    String[] lag() {
        return quick ? new String[] {"--quick", "--seconds", "5"} : new String[0];
    }

    /**
     * The read benchmark: 6 s per measurement (its own default: 8 s), quick 1 s (its own quick: 3 s), to fit the
     * budgets (a full run on the 1.5 M-contact benchmark stack took 14 min 51 s with 8 s).
     */
    String[] read() {
        return quick ? new String[] {"--quick", "--seconds", "1"} : new String[] {"--seconds", "6"};
    }

    /** The batch upsert: quick 10 batches per client (its own default: 50). */
    String[] batch() {
        return quick ? new String[] {"--quick"} : new String[0];
    }

    String describe() {
        return (quick ? "--quick" : "full") + ", import of " + String.format(java.util.Locale.ROOT, "%,d", importRows)
                + " rows";
    }
}
