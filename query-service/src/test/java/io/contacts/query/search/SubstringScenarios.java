package io.contacts.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.ContactCreated;
import io.contacts.query.ApiClient;
import io.contacts.query.CommandServiceStandIn;
import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Substring search and the filter's contains: the same answers whether the index looks the text up in its grams
 * ({@link SubstringOnGramsIT}) or walks the terms with wildcards ({@link SubstringWithoutGramsIT}).
 */
abstract class SubstringScenarios {

    @LocalServerPort
    int port;
    @Autowired
    IndexedGrams grams;
    ApiClient api;
    long account;

    abstract QueryTestFixture fixture();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        account = fixture().newId();
    }

    ContactCreated contact(String name, String email, String phone, String identifier) {
        return new ContactCreated(fixture().newId(), account, name, email, phone, identifier, false, Map.of(),
                Map.of());
    }

    void create(ContactCreated... contacts) {
        fixture().createAll(api, List.of(contacts), Instant.now());
    }

    List<String> names(String q) {
        ApiClient.Response response = api.get("/api/v1/accounts/" + account + "/contacts/search?sort=name&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return names(response.json());
    }

    List<String> filtered(String key, String operator, String value) {
        String payload = "{\"payload\":[{\"attribute_key\":\"" + key + "\",\"filter_operator\":\"" + operator
                + "\",\"values\":[\"" + value + "\"],\"query_operator\":null}],\"sort\":\"name\"}";
        ApiClient.Response response = api.post("/api/v1/accounts/" + account + "/contacts/filter",
                CommandServiceStandIn.TOKEN, payload);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return names(response.json());
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.get("payload").spliterator(), false)
                .map(c -> c.get("name").asText()).toList();
    }

    @Test
    void gramsSpanAccentsEmojiAndSurrogatePairs() {
        create(contact("Zoë \uD83D\uDE00 Smile", "zoe@example.com", null, null),
                contact("Zoe Smile", "ÉMILE@EXÄMPLE.COM", null, null));

        assertThat(names("ë \uD83D\uDE00 s")).containsExactly("Zoë \uD83D\uDE00 Smile");
        assertThat(names("\uD83D\uDE00 smi")).containsExactly("Zoë \uD83D\uDE00 Smile");
        assertThat(names("\uD83D\uDE00")).containsExactly("Zoë \uD83D\uDE00 Smile");
        assertThat(names("\uD83D\uDE01")).isEmpty();
        assertThat(names("émile@exä")).containsExactly("Zoe Smile");
        assertThat(names("ÄMP")).containsExactly("Zoe Smile");
        assertThat(names("ë")).containsExactly("Zoë \uD83D\uDE00 Smile");
        assertThat(names("e smile")).containsExactly("Zoe Smile");
    }

    @Test
    void theWholeValueShortValuesAndLongerTexts() {
        create(contact("Bo", null, null, null), contact("Ida", null, null, null),
                contact("Idalia", null, null, null));

        assertThat(names("BO")).containsExactly("Bo");
        assertThat(names("o")).containsExactly("Bo");
        assertThat(names("bob")).isEmpty();
        assertThat(names("ida")).containsExactly("Ida", "Idalia");
        assertThat(names("idalia")).containsExactly("Idalia");
        assertThat(names("lia")).containsExactly("Idalia");
        assertThat(names("a")).containsExactly("Ida", "Idalia");
        assertThat(names("idaliax")).isEmpty();
        assertThat(names("xidalia")).isEmpty();
    }

    @Test
    void sqlAndWildcardCharactersAreLiteral() {
        create(contact("100%_*off", null, null, null), contact("100xx*off", null, null, null),
                contact("x_y", null, null, null), contact("xzy", null, null, null));

        assertThat(names("%_*")).containsExactly("100%_*off");
        assertThat(names("0%_")).containsExactly("100%_*off");
        assertThat(names("*of")).containsExactly("100%_*off", "100xx*off");
        assertThat(names("x_y")).containsExactly("x_y");
        assertThat(names("_")).containsExactly("100%_*off", "x_y");
    }

    @Test
    void aTextNeverSpansTwoFields() {
        create(contact("Alpha", "beta@example.com", "+4912", "Gamma"));

        assertThat(names("alpha")).containsExactly("Alpha");
        assertThat(names("phabe")).isEmpty();
        assertThat(names("alphabeta")).isEmpty();
        assertThat(names(".com+49")).isEmpty();
        assertThat(names("12Gam")).isEmpty();
        assertThat(names("4912")).containsExactly("Alpha");
    }

    @Test
    void theIdentifierIsCaseSensitiveAndTheOthersAreNot() {
        create(contact("Plain", null, null, "AbCdEf"), contact("Other", "ABCDEF@x.io", null, null));

        assertThat(names("bCdE")).containsExactly("Other", "Plain");
        assertThat(names("bcde")).containsExactly("Other");
        assertThat(names("Cd")).containsExactly("Other", "Plain");
        assertThat(names("cd")).containsExactly("Other");
    }

    @Test
    void theFilterContainsAndDoesNotContainAreSubstringsToo() {
        create(contact("Zoë \uD83D\uDE00 Smile", "zoe@example.com", "+4930123", null),
                contact("Zoe Smile", "emile@example.org", "+4930999", null),
                contact("No Email", null, null, "ext-1"));

        assertThat(filtered("name", "contains", "Ë \uD83D\uDE00")).containsExactly("Zoë \uD83D\uDE00 Smile");
        assertThat(filtered("name", "contains", "smile")).containsExactly("Zoe Smile", "Zoë \uD83D\uDE00 Smile");
        assertThat(filtered("email", "contains", "E.OR")).containsExactly("Zoe Smile");
        assertThat(filtered("email", "does_not_contain", "e.or")).containsExactly("Zoë \uD83D\uDE00 Smile");
        assertThat(filtered("phone_number", "contains", "0999")).containsExactly("Zoe Smile");
        assertThat(filtered("phone_number", "contains", "+")).containsExactly("Zoe Smile", "Zoë \uD83D\uDE00 Smile");
        assertThat(filtered("name", "does_not_contain", "zo")).containsExactly("No Email");
    }
}
