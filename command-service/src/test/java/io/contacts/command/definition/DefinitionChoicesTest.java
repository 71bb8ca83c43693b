package io.contacts.command.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.JsonBody;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The definition enums as Chatwoot's clients send them: names, or the integers of Chatwoot's (Rails) enums. */
class DefinitionChoicesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static DisplayType displayType(String json) {
        return body("{\"attribute_display_type\":" + json + "}").choice("attribute_display_type", DisplayType.class);
    }

    private static JsonBody body(String json) {
        return JsonBody.parse(MAPPER, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void integersAreChatwootsEnumOrder() {
        String[] chatwoot = {"text", "number", "currency", "percent", "link", "date", "list", "checkbox"};
        for (int i = 0; i < chatwoot.length; i++) {
            assertThat(displayType(String.valueOf(i)).json()).isEqualTo(chatwoot[i]);
            assertThat(displayType("\"" + chatwoot[i] + "\"").ordinal()).isEqualTo(i);
        }
        assertThat(body("{\"m\":0}").choice("m", AttributeModel.class)).isEqualTo(AttributeModel.CONVERSATION_ATTRIBUTE);
        assertThat(body("{\"m\":1}").choice("m", AttributeModel.class)).isEqualTo(AttributeModel.CONTACT_ATTRIBUTE);
        assertThat(body("{\"m\":\"contact_attribute\"}").choice("m", AttributeModel.class))
                .isEqualTo(AttributeModel.CONTACT_ATTRIBUTE);
    }

    @Test
    void integerStringsAreTakenAsTheQueryParameterIs() {
        assertThat(displayType("\"1\"")).isEqualTo(DisplayType.NUMBER);
        assertThat(body("{\"m\":\"1\"}").choice("m", AttributeModel.class)).isEqualTo(AttributeModel.CONTACT_ATTRIBUTE);
    }

    @Test
    void otherNamesAndIntegersAreOutsideTheList() {
        assertThat(displayType("8")).isEqualTo(DisplayType.NOT_LISTED);
        assertThat(displayType("\"colour\"")).isEqualTo(DisplayType.NOT_LISTED);
        assertThat(displayType("\"TEXT\"")).isEqualTo(DisplayType.NOT_LISTED);
        assertThat(displayType("\"not_listed\"")).isEqualTo(DisplayType.NOT_LISTED);
        assertThat(displayType("-1")).isEqualTo(DisplayType.NOT_LISTED);
        assertThat(body("{\"m\":2}").choice("m", AttributeModel.class)).isEqualTo(AttributeModel.NOT_LISTED);
    }

    @Test
    void absentNullAndEmptyAreNone() {
        assertThat(displayType("null")).isNull();
        assertThat(displayType("\"\"")).isNull();
        assertThat(body("{}").choice("attribute_display_type", DisplayType.class)).isNull();
    }

    @Test
    void otherJsonTypesAre400() {
        for (String wrong : new String[]{"true", "[1]", "{\"a\":1}", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> displayType(wrong)).as(wrong).isInstanceOf(ApiException.class)
                    .hasMessage("attribute_display_type must be a name or an integer of its list");
        }
    }

    @Test
    void answersAreNames() throws Exception {
        assertThat(MAPPER.writeValueAsString(DisplayType.CHECKBOX)).isEqualTo("\"checkbox\"");
        assertThat(MAPPER.writeValueAsString(AttributeModel.CONTACT_ATTRIBUTE)).isEqualTo("\"contact_attribute\"");
    }
}
