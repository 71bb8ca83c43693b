package io.contacts.query.projection;

import io.contacts.events.ContactEnvelope;
import io.contacts.events.MalformedContactEventException;
import io.contacts.events.UnknownContactEventTypeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads a CloudEvents (binary mode) Kafka record of the contract into an {@link EventRecord}, as any subscriber does. */
final class EventRecordDecoder {

    private EventRecordDecoder() {
    }

    /** @throws PoisonEventException (malformed, unknown type) when a header or the body does not follow the contract */
    static EventRecord decode(ConsumerRecord<String, byte[]> record) {
        ContactEnvelope envelope;
        try {
            envelope = ContactEnvelope.read(name -> {
                Header header = record.headers().lastHeader(name);
                return header == null ? null : header.value();
            }, record.value());
        } catch (UnknownContactEventTypeException e) {
            throw new PoisonEventException(PoisonEventException.Reason.UNKNOWN_TYPE, e.getMessage());
        } catch (MalformedContactEventException e) {
            throw new PoisonEventException(PoisonEventException.Reason.MALFORMED,
                    e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        }
        return new EventRecord(envelope.event(), envelope.sequence(), envelope.time());
    }
}
