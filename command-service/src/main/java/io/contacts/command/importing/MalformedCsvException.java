package io.contacts.command.importing;

/** The file is not CSV from {@code line} on: the job fails and nothing of the file is applied. */
class MalformedCsvException extends RuntimeException {

    private final long line;

    MalformedCsvException(long line, String reason) {
        super("Malformed CSV at line " + line + ": " + reason);
        this.line = line;
    }

    long line() {
        return line;
    }
}
