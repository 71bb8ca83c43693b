package io.contacts.query.search;

public class BlankSearchTextException extends RuntimeException {

    public BlankSearchTextException() {
        super("Specify search string with parameter q");
    }
}
