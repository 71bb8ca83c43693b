package io.contacts.query.search;

/** The {@code q} parameter, stripped; blank or missing is the client's error. */
final class SearchText {

    private SearchText() {
    }

    static String of(String q) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            throw new BlankSearchTextException();
        }
        return text;
    }
}
