package io.contacts.events;

import io.contacts.events.json.ContactEventJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactEnvelopeTest {

    private static final ContactEvent UPDATED = new ContactUpdated(41, 3, Set.of(ContactUpdated.NAME), "Zoë", null,
            null, null, null, null);

    private final Map<String, String> headers = new HashMap<>(Map.of(
            CloudEventHeaders.SPEC_VERSION, "1.0",
            CloudEventHeaders.ID, "6f1c7a52-0d1e-4a55-9a1b-2f3c4d5e6f70",
            CloudEventHeaders.TYPE, "contact.updated.v1",
            CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE,
            CloudEventHeaders.TIME, "2026-11-25T15:04:05.123Z",
            CloudEventHeaders.SUBJECT, "41",
            CloudEventHeaders.ACCOUNT_ID, "3",
            CloudEventHeaders.SEQUENCE, "7",
            CloudEventHeaders.CONTENT_TYPE, "application/json"));
    private byte[] body = ContactEventJson.write(UPDATED);

    @Test
    void readsTheAttributesAndTheEventInOneCall() {
        ContactEnvelope envelope = read();
        assertThat(envelope).isEqualTo(new ContactEnvelope("6f1c7a52-0d1e-4a55-9a1b-2f3c4d5e6f70",
                ContactEventType.UPDATED, 41, 3, 7, Instant.parse("2026-11-25T15:04:05.123Z"), UPDATED));
    }

    @Test
    void readsEveryTypeAndAnyRfc3339Offset() {
        List<ContactEvent> events = List.of(new ContactBlocked(41, 3), new ContactDeleted(41, 3),
                new ContactLabelsChanged(41, 3, List.of("vip")));
        for (ContactEvent event : events) {
            headers.put(CloudEventHeaders.TYPE, ContactEventType.of(event).type());
            body = ContactEventJson.write(event);
            assertThat(read().event()).isEqualTo(event);
        }
        headers.put(CloudEventHeaders.TIME, "2026-11-25T16:04:05+01:00");
        assertThat(read().time()).isEqualTo(Instant.parse("2026-11-25T15:04:05Z"));
    }

    @Test
    void anUnknownTypeIsReportedApartSoSubscribersCanSkipIt() {
        headers.put(CloudEventHeaders.TYPE, "contact.updated.v2");
        assertThatThrownBy(this::read).isInstanceOf(UnknownContactEventTypeException.class)
                .hasMessageContaining("contact.updated.v2")
                .satisfies(e -> assertThat(((UnknownContactEventTypeException) e).type())
                        .isEqualTo("contact.updated.v2"));
    }

    @Test
    void aMissingOrInvalidHeaderIsMalformedAndNamed() {
        for (String required : List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.ACCOUNT_ID,
                CloudEventHeaders.SEQUENCE)) {
            String value = headers.remove(required);
            assertMalformed("no " + required + " header");
            headers.put(required, value);
        }
        assertMalformedWith(CloudEventHeaders.SPEC_VERSION, "0.3", "ce_specversion is 0.3, expected 1.0");
        assertMalformedWith(CloudEventHeaders.SEQUENCE, "seven", "ce_sequence is not a number: seven");
        assertMalformedWith(CloudEventHeaders.SEQUENCE, "-1", "ce_sequence is negative");
        assertMalformedWith(CloudEventHeaders.SUBJECT, "", "no ce_subject header");
        assertMalformedWith(CloudEventHeaders.ACCOUNT_ID, "3x", "ce_accountid is not a number: 3x");
        assertMalformedWith(CloudEventHeaders.TIME, "yesterday", "ce_time is not RFC 3339: yesterday");
        assertMalformedWith(CloudEventHeaders.TIME, "2026-11-25T15:04:05", "ce_time is not RFC 3339");
    }

    @Test
    void aBodyThatIsNotTheTypesJsonOrNamesAnotherContactIsMalformed() {
        body = null;
        assertMalformed("no body");
        body = "{\"contact_id\":41,".getBytes(StandardCharsets.UTF_8);
        assertMalformed("body of contact.updated.v1");
        body = "{\"contact_id\":\"x\",\"account_id\":3}".getBytes(StandardCharsets.UTF_8);
        assertMalformed("body of contact.updated.v1");
        body = ContactEventJson.write(new ContactBlocked(42, 3));
        headers.put(CloudEventHeaders.TYPE, "contact.blocked.v1");
        assertMalformed("body names contact 42 of account 3, headers contact 41 of account 3");
        body = ContactEventJson.write(new ContactBlocked(41, 4));
        assertMalformed("body names contact 41 of account 4");
    }

    private void assertMalformedWith(String header, String value, String message) {
        String before = headers.put(header, value);
        assertMalformed(message);
        headers.put(header, before);
    }

    private void assertMalformed(String message) {
        assertThatThrownBy(this::read).isInstanceOf(MalformedContactEventException.class)
                .isNotInstanceOf(UnknownContactEventTypeException.class).hasMessageContaining(message);
    }

    private ContactEnvelope read() {
        return ContactEnvelope.read(name -> {
            String value = headers.get(name);
            return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        }, body);
    }
}
