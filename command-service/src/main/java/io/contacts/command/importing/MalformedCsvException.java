package io.contacts.command.importing;

/** The file is not CSV from {@code line} on: the job fails and nothing of the file is applied. */
class MalformedCsvException extends RuntimeException {

    MalformedCsvException(long line, String reason) {
        super("Malformed CSV at line " + line + ": " + reason);
    }
}
