package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What every answer to hostile input must look like: never a 5xx, never internals, errors as documented JSON. */
final class Verdict {

    /** Words of a stack trace, an exception, a framework or an HTML error page: none may reach a client. */
    private static final List<String> LEAKS = List.of("exception", "\tat ", "at io.", "at java.", "at org.",
            "org.springframework", "java.lang", "java.io", "io.contacts", "com.fasterxml", "jackson", "jakarta.",
            "org.apache", "co.elastic", "org.postgresql", "psql", "sqlstate", "caused by", "whitelabel", "<html",
            "tomcat", "nginx/");

    private Verdict() {
    }

    /** No 5xx and no internals in the body, whatever the status. */
    static Edge.Reply safe(Edge.Reply reply, String what) {
        assertThat(reply.status()).as("%s answered %s", printable(what), printable(reply)).isLessThan(500);
        String body = reply.raw() == null ? "" : reply.raw().toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            assertThat(body).as("%s leaks internals (%s): %s", printable(what), leak, printable(reply))
                    .doesNotContain(leak);
        }
        return reply;
    }

    /** One of the expected error statuses with a JSON error body: {"error": "..."} or {"errors": ["..."]}. */
    static Edge.Reply rejected(Edge.Reply reply, String what, Integer... statuses) {
        safe(reply, what);
        assertThat(reply.status()).as("%s answered %s", printable(what), printable(reply)).isIn((Object[]) statuses);
        errorBody(reply, what);
        return reply;
    }

    /** Either accepted (2xx) or one of the expected error statuses with a JSON error body. */
    static Edge.Reply acceptedOr(Edge.Reply reply, String what, Integer... statuses) {
        safe(reply, what);
        if (reply.status() / 100 == 2) {
            return reply;
        }
        return rejected(reply, what, statuses);
    }

    static void errorBody(Edge.Reply reply, String what) {
        JsonNode body = reply.body();
        assertThat(body.isObject()).as("%s: the error body is a JSON object: %s", printable(what), printable(reply))
                .isTrue();
        boolean error = body.path("error").isTextual() && !body.path("error").asText().isBlank();
        boolean errors = body.path("errors").isArray() && !body.path("errors").isEmpty()
                && body.path("errors").get(0).isTextual();
        assertThat(error || errors)
                .as("%s: the error body has \"error\" or \"errors\": %s", printable(what), printable(reply)).isTrue();
        if (reply.status() == 422 && "Validation failed".equals(body.path("error").asText())) {
            assertThat(body.path("message").isTextual()).as("%s: %s", printable(what), printable(reply)).isTrue();
            assertThat(body.path("attributes").isArray()).as("%s: %s", printable(what), printable(reply)).isTrue();
        }
    }

    /** Text for a failure message: ASCII only (control characters and NUL break test reports), at most 300 chars. */
    static String printable(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 300; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return text.length() > 300 ? out + "…(" + text.length() + " chars)" : out.toString();
    }
}
