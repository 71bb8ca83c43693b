package io.contacts.command.upsert;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.JsonBody;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchUpsertRequestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static BatchUpsertRequest read(String json) {
        return BatchUpsertRequest.read(JsonBody.parse(MAPPER, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void itemsAreNormalisedAndValidatedOneByOne() {
        BatchUpsertRequest request = read("{\"match_by\":\"phone_number\",\"contacts\":[{\"name\":\"A\","
                + "\"email\":\"A@X.TEST\",\"labels\":[\" vip \",\"VIP\",\"b\"]},{\"email\":\"bad\",\"avatar_url\":\"x\"},"
                + "{\"email\":\"\"}]}");

        assertThat(request.matchBy()).isEqualTo(ClaimKind.PHONE_NUMBER);
        assertThat(request.items()).hasSize(3);
        BatchItem first = request.items().get(0);
        assertThat(first.index()).isZero();
        assertThat(first.changes().email()).isEqualTo("a@x.test");
        assertThat(first.labels()).containsExactly("vip", "b");
        assertThat(request.items().get(1).violations()).containsExactly(new Violation("email", "Email is invalid"),
                new Violation("avatar_url", "Avatar url is not taken by a batch upsert"));
        BatchItem blank = request.items().get(2);
        assertThat(blank.isRejected()).isFalse();
        assertThat(blank.keys()).as("a blank value clears and matches nothing").isEmpty();
    }

    @Test
    void matchByIsOneOfTheThreeKeysAndNothingElse() {
        for (String matchBy : List.of("", "\"name\"", "\"EMAIL\"", "1", "[\"email\"]", "{}", "null", "true")) {
            String body = "{" + (matchBy.isEmpty() ? "" : "\"match_by\":" + matchBy + ",") + "\"contacts\":[]}";
            assertThatThrownBy(() -> read(body)).as(body).isInstanceOfSatisfying(ValidationFailedException.class,
                    e -> assertThat(e.violations()).extracting(Violation::attribute).containsExactly("match_by"));
        }
    }

    @Test
    void aThousandContactsAtMost() {
        String item = "{\"name\":\"x\"},";
        String thousand = "{\"match_by\":\"email\",\"contacts\":[" + item.repeat(999) + "{}]}";
        assertThat(read(thousand).items()).hasSize(1000);
        String more = "{\"match_by\":\"email\",\"contacts\":[" + item.repeat(1000) + "{}]}";
        assertThatThrownBy(() -> read(more)).isInstanceOfSatisfying(ValidationFailedException.class,
                e -> assertThat(e.violations()).containsExactly(new Violation("contacts",
                        "Contacts is too long (maximum is 1000 contacts, got 1001)")));
        assertThatThrownBy(() -> read("{\"match_by\":\"email\"}")).isInstanceOfSatisfying(
                ValidationFailedException.class, e -> assertThat(e.violations()).extracting(Violation::attribute)
                        .containsExactly("contacts"));
    }

    @Test
    void aWrongTypeAnywhereRefusesTheRequestNamingTheItem() {
        assertThatThrownBy(() -> read("{\"match_by\":\"email\",\"contacts\":{}}"))
                .isInstanceOf(ApiException.class).hasMessage("contacts must be an array of objects");
        assertThatThrownBy(() -> read("{\"match_by\":\"email\",\"contacts\":[{},[]]}"))
                .isInstanceOf(ApiException.class).hasMessage("contacts[1] must be an object");
        assertThatThrownBy(() -> read("{\"match_by\":\"email\",\"contacts\":[{\"blocked\":\"yes\"}]}"))
                .isInstanceOf(ApiException.class).hasMessage("contacts[0].blocked must be true or false");
        assertThatThrownBy(() -> read("{\"match_by\":\"email\",\"contacts\":[{},{\"labels\":[1]}]}"))
                .isInstanceOf(ApiException.class).hasMessage("contacts[1].labels must be an array of strings");
    }
}
