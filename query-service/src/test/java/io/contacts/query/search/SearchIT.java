package io.contacts.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.ContactCreated;
import io.contacts.query.ApiClient;
import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /contacts/search: chatwoot-reference.md scenarios 22-29 and the literal-text rules. */
@QueryServiceTest
class SearchIT {

    static final QueryTestFixture fixture = new QueryTestFixture("search");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
    }

    @LocalServerPort
    int port;
    ApiClient api;
    long account;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        account = fixture.newId();
    }

    private ContactCreated contact(String name, String email, String phone, String identifier) {
        return new ContactCreated(fixture.newId(), account, name, email, phone, identifier, false, Map.of(),
                Map.of());
    }

    private ApiClient.Response search(String q, String more) {
        return api.get("/api/v1/accounts/" + account + "/contacts/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + more);
    }

    private JsonNode found(String q, String more) {
        ApiClient.Response response = search(q, more);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> names(String q) {
        return StreamSupport.stream(found(q, "").get("payload").spliterator(), false)
                .map(c -> c.get("name").asText()).toList();
    }

    @Test
    void emailAndNameMatchIgnoringCaseAndIdentifierExactly() {
        ContactCreated contact1 = contact("Contact 1", "contact-1@example.com", null, null);
        ContactCreated contact2 = contact("testcontact", "test@test.com", null, null);
        fixture.createAll(api, List.of(contact1, contact2,
                contact("testcontact", null, null, "testidentifer"),
                contact("testcontact", null, null, "TestIdentifier")), Instant.now());

        for (String q : List.of("test@test.com", "Test@Test.com")) {
            JsonNode result = found(q, "");
            assertThat(result.toString()).contains("test@test.com").doesNotContain("contact-1@example.com");
            assertThat(result.get("meta").get("count").asInt()).isEqualTo(1);
            assertThat(result.get("meta").get("has_more").asBoolean()).isFalse();
        }
        assertThat(found("TestContact", "").toString()).contains("test@test.com")
                .doesNotContain("contact-1@example.com");
        JsonNode identifier = found("TestIdentifier", "");
        assertThat(identifier.toString()).contains("TestIdentifier").doesNotContain("testidentifer");
        assertThat(identifier.get("meta").get("count").asInt()).isEqualTo(1);
    }

    @Test
    void phoneNumbersMatchAsPlainSubstringsAndNameOnlyContactsAreFound() {
        fixture.createAll(api, List.of(contact("Dialled", null, "+918080123456", null),
                contact("Only A Name", null, null, null)), Instant.now());

        assertThat(names("9180")).containsExactly("Dialled");
        assertThat(names("+91808")).containsExactly("Dialled");
        assertThat(names("only a")).containsExactly("Only A Name");
    }

    @Test
    void sixteenMatchesMakeAFullPageAndOneMore() {
        List<ContactCreated> contacts = new ArrayList<>();
        IntStream.range(0, 16).forEach(i -> contacts.add(contact("searchable_contact", null, null, null)));
        fixture.createAll(api, contacts, Instant.now());

        JsonNode first = found("searchable_contact", "");
        assertThat(first.get("meta").get("has_more").asBoolean()).isTrue();
        assertThat(first.get("meta").get("count").asInt()).isEqualTo(15);
        assertThat(first.get("meta").get("current_page").asInt()).isEqualTo(1);
        assertThat(first.get("payload")).hasSize(15);
        JsonNode second = found("searchable_contact", "&page=2");
        assertThat(second.get("meta").get("has_more").asBoolean()).isFalse();
        assertThat(second.get("meta").get("count").asInt()).isEqualTo(1);
        assertThat(second.get("meta").get("current_page").asText()).isEqualTo("2");
        assertThat(second.get("payload")).hasSize(1);
        HashSet<Long> ids = new HashSet<>();
        first.get("payload").forEach(c -> ids.add(c.get("id").asLong()));
        second.get("payload").forEach(c -> ids.add(c.get("id").asLong()));
        assertThat(ids).hasSize(16);
        assertThat(found("searchable_contact", "&per_page=16").get("meta").get("has_more").asBoolean()).isFalse();
        assertThat(found("searchable_contact", "&page=-1").get("payload")).hasSize(15);
    }

    @Test
    void theSearchTextIsAlwaysLiteral() {
        fixture.createAll(api, List.of(
                contact("50% off", null, null, null), contact("500 off", null, null, null),
                contact("a*b", null, null, null), contact("axxb", null, null, null),
                contact("snake_case", null, null, null), contact("snakeXcase", null, null, null),
                contact("why?", null, null, null), contact("whyy", null, null, null),
                contact("back\\slash", null, null, null), contact("backslash", null, null, null)),
                Instant.now());

        assertThat(names("50%")).containsExactly("50% off");
        assertThat(names("a*b")).containsExactly("a*b");
        assertThat(names("e_c")).containsExactly("snake_case");
        assertThat(names("y?")).containsExactly("why?");
        assertThat(names("k\\s")).containsExactly("back\\slash");
        assertThat(names("*")).containsExactly("a*b");
        assertThat(names("%")).containsExactly("50% off");
        assertThat(names("a".repeat(255))).isEmpty();
        assertThat(names("a".repeat(3000))).isEmpty();
    }

    @Test
    void blankSearchTextIsRefused() {
        for (String query : List.of("?q=", "?q=%20%20", "")) {
            ApiClient.Response response = api.get("/api/v1/accounts/" + account + "/contacts/search" + query);
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("error").asText()).isEqualTo("Specify search string with parameter q");
        }
    }

    @Test
    void searchStaysInTheAccountAndHonoursSortAndInboxes() {
        fixture.createAll(api, List.of(contact("Zed Finder", null, null, null),
                contact("Amy Finder", null, null, null)), Instant.now());
        long otherAccount = fixture.newId();
        fixture.createAll(api, List.of(new ContactCreated(fixture.newId(), otherAccount, "Other Finder", null,
                null, null, false, Map.of(), Map.of())), Instant.now());

        assertThat(names("finder")).containsExactlyInAnyOrder("Zed Finder", "Amy Finder");
        JsonNode sorted = found("  finder ", "&sort=name&include_contact_inboxes=false");
        assertThat(sorted.get("payload").get(0).get("name").asText()).isEqualTo("Amy Finder");
        sorted.get("payload").forEach(c -> assertThat(c.has("contact_inboxes")).isFalse());
        assertThat(found("finder", "&sort=-name").get("payload").get(0).get("name").asText())
                .isEqualTo("Zed Finder");
    }
}
