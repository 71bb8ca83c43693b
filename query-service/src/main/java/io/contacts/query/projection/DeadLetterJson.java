package io.contacts.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How an operator sees a dead letter: where it is, why it is there, where it came from, and the record itself. */
final class DeadLetterJson {

    private static final String DLT_PREFIX = "kafka_dlt-";

    private DeadLetterJson() {
    }

    static Map<String, Object> of(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("topic", text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC));
        original.put("partition", number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION));
        original.put("offset", number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET));
        Long timestamp = number(record, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        original.put("timestamp", timestamp == null ? null : Instant.ofEpochMilli(timestamp).toString());
        // the record's own headers (CloudEvents and ours); Spring's are shown above and below, the stack trace not
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_PREFIX)) {
                headers.put(header.key(), header.value() == null ? null
                        : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        String attempt = text(record, DeadLetters.ATTEMPT);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partition", record.partition());
        json.put("offset", record.offset());
        json.put("dead_lettered_at", Instant.ofEpochMilli(record.timestamp()).toString());
        json.put("key", record.key());
        json.put("reason", text(record, DeadLetters.REASON));
        json.put("attempt", attempt == null ? null : Integer.valueOf(attempt));
        json.put("exception", text(record, KafkaHeaders.DLT_EXCEPTION_FQCN));
        json.put("cause", text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
        json.put("original", original);
        json.put("headers", headers);
        json.put("value", record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
        return json;
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring writes the original partition as 4 bytes, offsets and timestamps as 8 (big-endian). */
    private static Long number(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        ByteBuffer value = ByteBuffer.wrap(header.value());
        return switch (header.value().length) {
            case Integer.BYTES -> (long) value.getInt();
            case Long.BYTES -> value.getLong();
            default -> null;
        };
    }
}
