package io.contacts.benchmarks;

import io.contacts.benchmarks.report.Section;

import java.io.PrintStream;

/** One benchmark of {@code run.sh}: it prints its progress and table as it measures and returns its report section. */
public interface Benchmark {

    Section run(PrintStream out);
}
