package io.contacts.query.web;

import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests Tomcat refuses before any servlet runs still get a JSON error body, not Tomcat's HTML page. */
@QueryServiceTest
class TomcatErrorsIT {

    static final QueryTestFixture fixture = new QueryTestFixture("tomcat-errors");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
    }

    @LocalServerPort
    int port;

    /** Found by the hostile-input suite: an encoded dot segment answered Tomcat's HTML page (naming Tomcat). */
    @Test
    void anEncodedSlashOrDotSegmentIsA400WithAJsonBody() throws Exception {
        for (String path : new String[]{"/api/v1/accounts/1/contacts/%2e%2e%2f%2e%2e%2finternal",
                "/api/v1/accounts/1/contacts/a%2fb"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).isEqualTo("{\"error\":\"Bad Request\"}");
        }
    }
}
