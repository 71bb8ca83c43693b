package io.contacts.command.importing;

/** The job's progress is not where this run left it: another run owns the job; this one stops. */
class ImportMovedOnException extends RuntimeException {

    ImportMovedOnException(long importId) {
        super("Import " + importId + " progressed in another run");
    }
}
