package io.contacts.benchmarks;

/** A benchmark cannot go on: the stack is down, an endpoint refused, the two sides disagree. The message says why. */
public class BenchmarkException extends RuntimeException {

    public BenchmarkException(String message) {
        super(message);
    }

    public BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
