package io.contacts.query.access;

/** The command-service's answer to "may this token use this account?". */
sealed interface AccessDecision {

    record Granted(AccountMember member) implements AccessDecision {
    }

    /** Refused: the status, content type, body and Retry-After (null if none) to give the client as they are. */
    record Denied(int status, String contentType, byte[] body, String retryAfter) implements AccessDecision {
    }
}
