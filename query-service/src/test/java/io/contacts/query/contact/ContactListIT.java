package io.contacts.query.contact;

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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /contacts and GET /contacts/{id}: resolved contacts, paging, sorting, labels, account walls. */
@QueryServiceTest
class ContactListIT {

    static final QueryTestFixture fixture = new QueryTestFixture("list");

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

    private ContactCreated contact(String name, String email, String phone, String identifier,
                                   Map<String, Object> additional) {
        return new ContactCreated(fixture.newId(), account, name, email, phone, identifier, false, Map.of(),
                additional);
    }

    private ContactCreated emailed(String name, Map<String, Object> additional) {
        return contact(name, name.toLowerCase().replace(' ', '.') + "@example.com", null, null, additional);
    }

    private JsonNode list(String query) {
        ApiClient.Response response = api.get("/api/v1/accounts/" + account + "/contacts" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode list) {
        return StreamSupport.stream(list.get("payload").spliterator(), false).map(c -> c.get("name").asText())
                .toList();
    }

    private static List<Long> ids(JsonNode list) {
        return StreamSupport.stream(list.get("payload").spliterator(), false).map(c -> c.get("id").asLong())
                .toList();
    }

    @Test
    void onlyResolvedContactsAreListedWithTheTotalCount() {
        ContactCreated nameOnly = contact("Name Only", null, null, null, Map.of());
        ContactCreated blankPhone = contact("Blank Phone", null, "", null, Map.of());
        ContactCreated email = contact("Email", "e@example.com", null, null, Map.of());
        ContactCreated phone = contact("Phone", null, "+4790000002", null, Map.of());
        ContactCreated identifier = contact("Identifier", null, null, "ext-9", Map.of());
        fixture.createAll(api, List.of(nameOnly, blankPhone, email, phone, identifier), Instant.now());

        JsonNode list = list("");
        assertThat(list.get("meta").get("count").asLong()).isEqualTo(3);
        assertThat(list.get("meta").get("current_page").isInt()).isTrue();
        assertThat(list.get("meta").get("current_page").asInt()).isEqualTo(1);
        assertThat(ids(list)).containsExactlyInAnyOrder(email.contactId(), phone.contactId(),
                identifier.contactId());
        list.get("payload").forEach(c -> assertThat(c.get("contact_inboxes").isArray()).isTrue());
        list("?include_contact_inboxes=false").get("payload")
                .forEach(c -> assertThat(c.has("contact_inboxes")).isFalse());
    }

    @Test
    void pagesEchoThePageParameterAndCountEveryMatch() {
        List<ContactCreated> contacts = IntStream.range(0, 17)
                .mapToObj(i -> emailed("Paged " + i, Map.of())).toList();
        fixture.createAll(api, contacts, Instant.now());

        JsonNode second = list("?page=2");
        assertThat(second.get("meta").get("count").asLong()).isEqualTo(17);
        assertThat(second.get("meta").get("current_page").asText()).isEqualTo("2");
        assertThat(second.get("meta").get("current_page").isTextual()).isTrue();
        assertThat(second.get("payload")).hasSize(2);
        assertThat(list("?page=4&per_page=5").get("payload")).hasSize(2);
        assertThat(list("?per_page=100").get("payload")).hasSize(17);
        assertThat(list("?page=9").get("payload")).isEmpty();
        assertThat(list("?page=99999999").get("payload")).isEmpty();
        JsonNode bogus = list("?page=abc");
        assertThat(bogus.get("meta").get("current_page").asText()).isEqualTo("abc");
        assertThat(ids(bogus)).isEqualTo(ids(list("?page=0")));
        assertThat(bogus.get("payload")).hasSize(15);
    }

    @Test
    void theCountIsEveryMatchOnAnyPageAndFollowsWrites() {
        fixture.createAll(api, IntStream.range(0, 3).mapToObj(i -> emailed("Counted " + i, Map.of())).toList(),
                Instant.now());
        assertThat(list("?page=1&sort=name").get("meta").get("count").asLong()).isEqualTo(3);
        // beyond Elasticsearch's result window only the count is asked for
        JsonNode beyond = list("?page=99999999&sort=name");
        assertThat(beyond.get("payload")).isEmpty();
        assertThat(beyond.get("meta").get("count").asLong()).isEqualTo(3);

        fixture.createAll(api, List.of(emailed("Counted 3", Map.of())), Instant.now());
        JsonNode after = list("?page=1&sort=name");
        assertThat(after.get("meta").get("count").asLong()).isEqualTo(4);
        assertThat(after.get("payload")).hasSize(4);
    }

    @Test
    void sortKeysApplyInRequestOrderIgnoringCase() {
        fixture.createAll(api, List.of(
                emailed("alice", Map.of("company_name", "Zeta")),
                emailed("bob", Map.of("company_name", "Acme")),
                emailed("Alice", Map.of("company_name", "acme"))), Instant.now());

        List<String> byCompanyThenName = names(list("?sort=company,name"));
        assertThat(byCompanyThenName).hasSize(3);
        assertThat(byCompanyThenName.subList(0, 2)).containsExactly("Alice", "bob");
        assertThat(names(list("?sort=name,company"))).containsExactly("Alice", "alice", "bob");
        assertThat(names(list("?sort=name,-company"))).containsExactly("alice", "Alice", "bob");
        assertThat(names(list("?sort=-company_name,bogus,-name"))).containsExactly("alice", "bob", "Alice");
    }

    @Test
    void nullsSortLastExceptEmailAndPhoneWhichFollowPostgres() {
        ContactCreated company1 = emailed("C1", Map.of("company_name", "Company 1", "country_code", "IN"));
        ContactCreated testCompany = emailed("C2", Map.of("company_name", "Test Company 1", "country_code", "CA"));
        ContactCreated noCompany = emailed("C4", Map.of());
        ContactCreated albania = emailed("C5", Map.of("country_code", "AL", "country", "Albania"));
        ContactCreated phoneOnly = contact("C6", null, "+4790000003", null, Map.of());
        fixture.createAll(api, List.of(company1, testCompany, noCompany, albania, phoneOnly), Instant.now());

        List<Long> descCompany = ids(list("?include_contact_inboxes=false&sort=-company"));
        assertThat(descCompany.get(0)).isEqualTo(testCompany.contactId());
        assertThat(descCompany.get(1)).isEqualTo(company1.contactId());
        assertThat(descCompany.subList(2, 5)).contains(noCompany.contactId());
        List<Long> ascCompany = ids(list("?sort=company"));
        assertThat(ascCompany.subList(0, 2)).containsExactly(company1.contactId(), testCompany.contactId());
        List<Long> byCountry = ids(list("?include_contact_inboxes=false&sort=country"));
        assertThat(byCountry.get(0)).isEqualTo(albania.contactId());
        assertThat(byCountry.get(byCountry.size() - 1)).isNotEqualTo(albania.contactId());
        assertThat(ids(list("?sort=email")).get(4)).isEqualTo(phoneOnly.contactId());
        assertThat(ids(list("?sort=-email")).get(0)).isEqualTo(phoneOnly.contactId());
        assertThat(ids(list("?sort=phone_number")).get(0)).isEqualTo(phoneOnly.contactId());
        assertThat(ids(list("?sort=-phone_number")).get(4)).isEqualTo(phoneOnly.contactId());
    }

    @Test
    void equalValuesNeverSwapBetweenPages() {
        List<ContactCreated> twins = IntStream.range(0, 20)
                .mapToObj(i -> contact("Same Name", "twin" + i + "@example.com", null, null, Map.of())).toList();
        fixture.createAll(api, twins, Instant.now());

        Set<Long> seen = new LinkedHashSet<>();
        List<Long> inOrder = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            List<Long> ids = ids(list("?sort=name&per_page=7&page=" + page));
            inOrder.addAll(ids);
            seen.addAll(ids);
        }
        assertThat(inOrder).hasSize(20);
        assertThat(seen).hasSize(20);
        assertThat(inOrder).isSorted();
        assertThat(ids(list("?sort=-created_at,name&per_page=7&page=2"))).isEqualTo(inOrder.subList(7, 14));
    }

    @Test
    void theNewestComeFirstByDefault() {
        ContactCreated oldest = emailed("Oldest", Map.of());
        ContactCreated middle = emailed("Middle", Map.of());
        ContactCreated newest = emailed("Newest", Map.of());
        Instant now = Instant.now();
        fixture.createAll(api, List.of(oldest), now.minusSeconds(120));
        fixture.createAll(api, List.of(newest), now);
        fixture.createAll(api, List.of(middle), now.minusSeconds(60));

        assertThat(names(list(""))).containsExactly("Newest", "Middle", "Oldest");
        assertThat(names(list("?sort=created_at"))).containsExactly("Oldest", "Middle", "Newest");
    }

    @Test
    void labelsMatchAnyOfTheGivenLabelsAndNoContactHasLabelsYet() {
        fixture.createAll(api, List.of(emailed("Unlabelled", Map.of())), Instant.now());

        assertThat(list("?labels[]=label1&labels[]=label2").get("meta").get("count").asLong()).isZero();
        assertThat(list("?labels=label1").get("payload")).isEmpty();
        assertThat(list("?labels=").get("payload")).hasSize(1);
    }

    @Test
    void accountsAreWalls() {
        ContactCreated mine = emailed("Mine", Map.of());
        fixture.createAll(api, List.of(mine), Instant.now());
        long otherAccount = fixture.newId();

        assertThat(api.get("/api/v1/accounts/" + otherAccount + "/contacts").json().get("payload")).isEmpty();
        ApiClient.Response elsewhere = api.get("/api/v1/accounts/" + otherAccount + "/contacts/"
                + mine.contactId());
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().get("error").asText()).isEqualTo("Contact not found");
        assertThat(api.get("/api/v1/accounts/" + account + "/contacts/" + mine.contactId()).status())
                .isEqualTo(200);
    }

    @Test
    void idsThatNameNoContactAreNotFound() {
        for (String id : List.of("abc", "12abc", "0", String.valueOf(fixture.newId()), "filter")) {
            ApiClient.Response response = api.get("/api/v1/accounts/" + account + "/contacts/" + id);
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.json().get("error").asText()).isEqualTo("Contact not found");
        }
        ApiClient.Response noRoute = api.get("/api/v1/accounts/" + account + "/contacts/1/nothing-here");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.json().get("error").asText()).isEqualTo("Not found");
    }
}
