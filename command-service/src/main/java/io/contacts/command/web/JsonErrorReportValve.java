package io.contacts.command.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

import java.io.IOException;
import java.util.Map;

/**
 * Tomcat's own error report (for requests it refuses before any servlet runs, e.g. a malformed URL) as our JSON body
 * instead of an HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String error = code.is5xxServerError() ? "Internal server error" : JsonErrors.describe(code);
        try {
            JsonErrors.write(response.getResponse(), code, Map.of("error", error));
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to tell
        }
    }
}
