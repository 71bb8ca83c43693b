package io.contacts.query.projection;

import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactBlocked;
import io.contacts.events.ContactEventType;
import io.contacts.events.json.ContactEventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRecordDecoderTest {

    private static ConsumerRecord<String, byte[]> record(String type, String sequence, String account, String time,
                                                         byte[] body) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("t", 0, 0, "9", body);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, "e-1");
        header(record, CloudEventHeaders.SUBJECT, "9");
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SEQUENCE, sequence);
        header(record, CloudEventHeaders.ACCOUNT_ID, account);
        header(record, CloudEventHeaders.TIME, time);
        return record;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final byte[] BLOCKED = ContactEventJson.write(new ContactBlocked(9, 4));

    @Test
    void decodesTheBodyAndTheEnvelope() {
        EventRecord event = EventRecordDecoder.decode(record(ContactEventType.BLOCKED.type(), "3", "4",
                "2025-03-01T12:00:00.5+01:00", BLOCKED));
        assertThat(event.event()).isEqualTo(new ContactBlocked(9, 4));
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.time()).isEqualTo(Instant.parse("2025-03-01T11:00:00.5Z"));
    }

    @Test
    void refusesRecordsOutsideTheContract() {
        String type = ContactEventType.BLOCKED.type();
        String time = "2025-03-01T12:00:00Z";
        assertThatThrownBy(() -> EventRecordDecoder.decode(record("contact.unknown.v1", "3", "4", time, BLOCKED)))
                .isInstanceOfSatisfying(PoisonEventException.class, e -> assertThat(e.reason())
                        .isEqualTo(PoisonEventException.Reason.UNKNOWN_TYPE));
        assertThatThrownBy(() -> EventRecordDecoder.decode(record(type, null, "4", time, BLOCKED)))
                .satisfies(EventRecordDecoderTest::malformed);
        assertThatThrownBy(() -> EventRecordDecoder.decode(record(type, "x", "4", time, BLOCKED)))
                .satisfies(EventRecordDecoderTest::malformed);
        assertThatThrownBy(() -> EventRecordDecoder.decode(record(type, "3", "5", time, BLOCKED)))
                .hasMessageContaining("account").satisfies(EventRecordDecoderTest::malformed);
        assertThatThrownBy(() -> EventRecordDecoder.decode(record(type, "3", "4", "yesterday", BLOCKED)))
                .satisfies(EventRecordDecoderTest::malformed);
        assertThatThrownBy(() -> EventRecordDecoder.decode(record(type, "3", "4", time, "{".getBytes())))
                .satisfies(EventRecordDecoderTest::malformed);
        assertThatThrownBy(() -> EventRecordDecoder.decode(record(type, "3", "4", time, null)))
                .satisfies(EventRecordDecoderTest::malformed);
    }

    private static void malformed(Throwable thrown) {
        assertThat(thrown).isInstanceOfSatisfying(PoisonEventException.class,
                e -> assertThat(e.reason()).isEqualTo(PoisonEventException.Reason.MALFORMED));
    }
}
