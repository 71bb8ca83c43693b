package io.contacts.command.web;

/** One failed validation: the attribute and its full message, e.g. {@code email}, "Email is invalid". */
public record Violation(String attribute, String message) {
}
