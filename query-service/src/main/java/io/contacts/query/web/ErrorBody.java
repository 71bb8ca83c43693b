package io.contacts.query.web;

import java.util.Map;

/** The JSON error envelope of this API: {@code {"error": "..."}}. */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static Map<String, String> of(String error) {
        return Map.of("error", error);
    }
}
