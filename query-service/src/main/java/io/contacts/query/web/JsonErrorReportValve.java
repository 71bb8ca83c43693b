package io.contacts.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;

/**
 * Tomcat's own error report, for requests it refuses before any servlet runs (an encoded slash or dot segment in the
 * path, a malformed request line), as our JSON body instead of an HTML page that names Tomcat.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String error = status >= 500 ? "Internal server error"
                : status == 404 ? "Not found" : known == null ? "Error " + status : known.getReasonPhrase();
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            MAPPER.writeValue(response.getResponse().getOutputStream(), ErrorBody.of(error));
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to tell
        }
    }
}
