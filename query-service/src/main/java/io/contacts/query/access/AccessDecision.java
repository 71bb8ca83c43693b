package io.contacts.query.access;

/** The command-service's answer to "may this token use this account?". */
sealed interface AccessDecision {

    record Granted(AccountMember member) implements AccessDecision {
    }

    /** Refused: the status, content type and body to give the client as they are. */
    record Denied(int status, String contentType, byte[] body) implements AccessDecision {
    }
}
