package io.contacts.benchmarks.report;

/** One of the targets and how this run did against it. */
public record Target(String goal, String measured, boolean met) {
}
