package io.contacts.benchmarks.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadShapeTest {

    @Test
    void theLastPageIsTheOneThatHoldsTheLastContactAtChatwootsPageSize() {
        assertThat(ReadShape.lastPage(1_000_000)).isEqualTo(66_667);
        assertThat(ReadShape.lastPage(15)).isEqualTo(1);
        assertThat(ReadShape.LIST_LAST_PAGE.query(0, 100_000).sql())
                .first().asString().endsWith(" LIMIT 15 OFFSET 99990");
        assertThat(ReadShape.LIST_PAGE_10000.query(0, 1_000_000).path()).contains("&page=10000&");
        assertThat(ReadShape.LIST_LAST_PAGE.list()).isTrue();
        assertThat(ReadShape.SEARCH_NAME.list()).isFalse();
    }

    @Test
    void listsAskWhatTheDashboardAsks() {
        ReadQuery query = ReadShape.LIST_PAGE_500.query(3, 1_000_000);
        assertThat(query.method()).isEqualTo("GET");
        assertThat(query.path()).isEqualTo("/contacts?include_contact_inboxes=false&page=500&sort=name");
        assertThat(query.jsonBody()).isNull();
        assertThat(query.sql()).isEqualTo(ChatwootSql.listByName(500));
    }

    @Test
    void searchesRotateTheirTermsOnBothSides() {
        ReadQuery first = ReadShape.SEARCH_EMAIL.query(0, 1_000_000);
        ReadQuery second = ReadShape.SEARCH_EMAIL.query(1, 1_000_000);
        assertThat(first.path()).isEqualTo("/contacts/search?include_contact_inboxes=false&q=ada.lovelace&page=1&sort=name");
        assertThat(first.sql()).containsExactly(ChatwootSql.search("ada.lovelace", true));
        assertThat(second.path()).contains("q=alan.turing");
        assertThat(ReadShape.SEARCH_EMAIL.query(ReadShape.EMAIL_FRAGMENTS.size(), 1_000_000)).isEqualTo(first);
    }

    @Test
    void theUnsortedSearchSendsNoSort() {
        ReadQuery query = ReadShape.SEARCH_NAME_UNSORTED.query(0, 1_000_000);
        assertThat(query.path()).doesNotContain("sort");
        assertThat(query.sql()).containsExactly(ChatwootSql.search("lovelace", false));
    }

    @Test
    void theFilterSendsThreeChainedConditionsAndTheSameValuesToPostgres() throws Exception {
        ReadQuery query = ReadShape.FILTER_THREE_CONDITIONS.query(6, 1_000_000);
        assertThat(query.method()).isEqualTo("POST");
        JsonNode body = new ObjectMapper().readTree(query.jsonBody());
        JsonNode payload = body.get("payload");
        assertThat(payload).hasSize(3);
        assertThat(payload.get(0).get("attribute_key").asText()).isEqualTo("plan");
        assertThat(payload.get(0).get("values").get(0).asText()).isEqualTo("pro");
        assertThat(payload.get(1).get("values").get(0).asText()).isEqualTo("Lisbon");
        assertThat(payload.get(1).get("query_operator").asText()).isEqualTo("AND");
        assertThat(payload.get(2).get("filter_operator").asText()).isEqualTo("is_greater_than");
        assertThat(payload.get(2).get("query_operator").isNull()).isTrue();
        assertThat(body.get("sort").asText()).isEqualTo("name");
        assertThat(query.sql()).isEqualTo(ChatwootSql.filterByName("pro", "Lisbon", ReadShape.SIGNED_UP_AFTER));
    }
}
