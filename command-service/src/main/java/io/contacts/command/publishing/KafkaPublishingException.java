package io.contacts.command.publishing;

/** A batch of events that Kafka did not acknowledge; the processor retries it. */
class KafkaPublishingException extends RuntimeException {

    KafkaPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
