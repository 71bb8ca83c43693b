package io.contacts.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.Map;

/** JSON error bodies for the places outside Spring MVC's exception handling (servlet filters, the error page). */
public final class JsonErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonErrors() {
    }

    public static void write(HttpServletResponse response, HttpStatusCode status, Map<String, Object> body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        MAPPER.writeValue(response.getOutputStream(), body);
    }

    /** A short text for a status without a more specific message. */
    static String describe(HttpStatusCode status) {
        if (status.value() == 404) {
            return "Not found";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}
