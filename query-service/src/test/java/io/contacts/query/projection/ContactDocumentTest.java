package io.contacts.query.projection;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContactDocumentTest {

    /** What the Elasticsearch client sends and reads back. */
    private static final ObjectMapper JSON = new JacksonJsonpMapper().objectMapper();

    private static ContactDocument document() {
        return new ContactDocument(7, 3, "Ann É", "Ann@X.io", "+4912", "Ext-1", false, true, false, Map.of(),
                Map.of(), null, null, null, List.of(), List.of(), 1L, 2L, null, 4, null, null, List.of(), null);
    }

    @Test
    void theSearchGramsAreWrittenWithTheDocumentLowerCasedButTheIdentifier() {
        JsonNode written = JSON.valueToTree(document());
        assertThat(written.get("name_grams").asText()).isEqualTo("616e6e 6e6e20 6e20c3a9 20c3a9 c3a9");
        assertThat(written.get("email_grams").asText()).startsWith("616e6e 6e6e40 6e4078 ");
        assertThat(written.get("phone_number_grams").asText()).isEqualTo("2b3439 343931 393132 3132 32");
        assertThat(written.get("identifier_grams").asText()).startsWith("457874 ");
        assertThat(written.get("name").asText()).isEqualTo("Ann É");
    }

    @Test
    void missingValuesHaveNoGramsAndGramsReadBackAreIgnored() throws Exception {
        ContactDocument bare = new ContactDocument(7, 3, null, null, null, null, false, false, false, null, null,
                null, null, null, null, null, null, null, null, 0, null, null, null, null);
        JsonNode written = JSON.valueToTree(bare);
        assertThat(written.has("name_grams")).isFalse();
        assertThat(written.has("identifier_grams")).isFalse();
        // an index created before the gram fields keeps them in _source
        ObjectNode stored = JSON.valueToTree(document());
        assertThat(JSON.treeToValue(stored, ContactDocument.class)).isEqualTo(document());
    }
}
