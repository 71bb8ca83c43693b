package io.contacts.command.uniqueness;

/** A unique value of a contact of an account: what a claim holds. */
public record UniqueValue(long accountId, ClaimKind kind, String value) {
}
