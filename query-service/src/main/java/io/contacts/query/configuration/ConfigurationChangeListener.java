package io.contacts.query.configuration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the command-service's announcements of account configuration changes (key: the account id) in a consumer
 * group of this instance alone, from the end of the topic: nothing cached before the start needs dropping. The
 * container commits past each record once this returned, which is what the announcing write waits for.
 */
@Component
class ConfigurationChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationChangeListener.class);

    private final AccountCaches caches;

    ConfigurationChangeListener(AccountCaches caches) {
        this.caches = caches;
    }

    @KafkaListener(id = "configuration-changes", topics = "${contacts.configuration.topic}",
            groupId = "${contacts.configuration.group-prefix}.${random.uuid}",
            containerFactory = ConfigurationChangeConfiguration.LISTENER_FACTORY,
            properties = {"auto.offset.reset=latest", "session.timeout.ms=${contacts.configuration.session-timeout-ms}"})
    void changed(ConsumerRecord<String, byte[]> record) {
        try {
            caches.forget(Long.parseLong(record.key()));
        } catch (NumberFormatException e) {
            log.warn("Ignored a configuration change without an account id as its key: {}", record.key());
        }
    }
}
