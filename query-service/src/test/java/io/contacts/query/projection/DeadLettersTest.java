package io.contacts.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    private static final PoisonEventException ORPHAN =
            new PoisonEventException(PoisonEventException.Reason.ORPHAN, "no document");

    @Test
    void aFirstDeadLetterIsAttemptOneAndEachReplayAddsOne() {
        Headers fresh = new RecordHeaders();
        Headers first = DeadLetters.headers(fresh, ORPHAN);
        assertThat(text(first, DeadLetters.REASON)).isEqualTo("orphan");
        assertThat(text(first, DeadLetters.ATTEMPT)).isEqualTo("1");

        Headers deadLetter = new RecordHeaders(first.toArray());
        assertThat(DeadLetters.attempt(deadLetter)).isEqualTo(1);
        assertThat(text(DeadLetters.headers(deadLetter, ORPHAN), DeadLetters.ATTEMPT)).isEqualTo("2");
    }

    @Test
    void anUnreadableAttemptCountsAsNone() {
        Headers headers = new RecordHeaders().add(DeadLetters.ATTEMPT, "many".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetters.attempt(headers)).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOperatorSeesTheCauseTheOriginAndTheRecord() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("contacts.events.v1.dlt", 0, 7, "42",
                "{\"name\":\"Ann\"}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "contact.updated.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, "contacts.events.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(3).array());
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(1234).array());
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "no document".getBytes(StandardCharsets.UTF_8));
        DeadLetters.headers(new RecordHeaders(), ORPHAN).forEach(header -> record.headers().add(header));

        Map<String, Object> json = DeadLetterJson.of(record);
        assertThat(json).containsEntry("offset", 7L).containsEntry("key", "42").containsEntry("reason", "orphan")
                .containsEntry("attempt", 1).containsEntry("cause", "no document")
                .containsEntry("value", "{\"name\":\"Ann\"}");
        assertThat((Map<String, Object>) json.get("original")).containsEntry("topic", "contacts.events.v1")
                .containsEntry("partition", 3L).containsEntry("offset", 1234L).containsEntry("timestamp", null);
        assertThat((Map<String, Object>) json.get("headers")).containsOnlyKeys("ce_type", DeadLetters.REASON,
                DeadLetters.ATTEMPT);
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
