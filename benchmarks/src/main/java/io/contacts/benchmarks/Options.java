package io.contacts.benchmarks;

/** Reads a benchmark's command-line options one by one; every mistake is an IllegalArgumentException saying which. */
public final class Options {

    private final String[] args;
    private int next;

    public Options(String... args) {
        this.args = args.clone();
    }

    public boolean hasNext() {
        return next < args.length;
    }

    /** The next option's name. */
    public String next() {
        return args[next++];
    }

    /** The number after the option just read, between 1 and max. */
    public int number(int max) {
        String option = args[next - 1];
        if (next >= args.length) {
            throw new IllegalArgumentException(option + " needs a number");
        }
        String value = args[next++];
        try {
            int number = Integer.parseInt(value);
            if (number < 1 || number > max) {
                throw new IllegalArgumentException(option + " must be between 1 and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value);
        }
    }

    public static IllegalArgumentException unknown(String option) {
        return new IllegalArgumentException("unknown option " + option);
    }
}
