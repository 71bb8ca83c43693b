package io.contacts.query.search;

import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On an index created by a version without the gram fields (they arrive by the mapping PUT at start-up, its older
 * documents have none): the searches keep walking the terms with wildcards and find every contact.
 */
@QueryServiceTest
class SubstringWithoutGramsIT extends SubstringScenarios {

    static final QueryTestFixture fixture = new QueryTestFixture("nograms");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        fixture.register(registry);
        // read the marker at every request, so that the test can set it
        registry.add("contacts.search.grams-recheck", () -> "0s");
        // what an older version created: the start-up's mapping PUT adds every other field
        elasticsearch("PUT", "/" + fixture.alias() + "-v1", "{\"settings\":{\"number_of_replicas\":0},"
                + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"id\":{\"type\":\"long\"}}},"
                + "\"aliases\":{\"" + fixture.alias() + "\":{\"is_write_index\":true}}}");
    }

    @Override
    QueryTestFixture fixture() {
        return fixture;
    }

    @Test
    void documentsWrittenBeforeTheGramsAreFoundUntilTheIndexIsMarkedComplete() throws Exception {
        long legacy = fixture.newId();
        elasticsearch("PUT", "/" + fixture.alias() + "-v1/_doc/" + legacy + "?refresh=true", "{\"id\":" + legacy
                + ",\"account_id\":" + account + ",\"name\":\"Legacy Entry\",\"email\":\"old@example.com\","
                + "\"blocked\":false,\"resolved\":true,\"deleted\":false,\"created_at\":1700000000000,"
                + "\"updated_at\":1700000000000,\"sequence\":0}");
        create(contact("Recent Entry", null, null, null));

        assertThat(grams.complete()).isFalse();
        assertThat(names("entry")).containsExactly("Legacy Entry", "Recent Entry");
        assertThat(filtered("email", "contains", "OLD@")).containsExactly("Legacy Entry");

        // marked complete while it is not, the index shows why the marker waits for a rebuild
        elasticsearch("PUT", "/" + fixture.alias() + "-v1/_mapping", "{\"_meta\":{\"search_grams\":true}}");
        try {
            assertThat(grams.complete()).isTrue();
            assertThat(names("entry")).containsExactly("Recent Entry");
        } finally {
            elasticsearch("PUT", "/" + fixture.alias() + "-v1/_mapping", "{\"_meta\":{\"search_grams\":false}}");
        }
        assertThat(grams.complete()).isFalse();
    }

    private static void elasticsearch(String method, String path, String json) throws IOException,
            InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestInfrastructure.elasticsearchUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }
}
