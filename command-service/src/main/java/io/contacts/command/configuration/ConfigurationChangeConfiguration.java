package io.contacts.command.configuration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

@Configuration
class ConfigurationChangeConfiguration {

    /** One partition keeps announcements in one order, which the offsets the writer waits for rely on. */
    @Bean
    NewTopic configurationChangesTopic(ConfigurationChangeProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(1).replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis())).build();
    }

    /**
     * Its own producer (not a KafkaTemplate bean, which would replace the publishers'): a configuration write must
     * not block on Kafka longer than it waits for the readers.
     */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> configurationChangesProducer(KafkaProperties kafka,
                                                          ConfigurationChangeProperties properties) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties(null));
        int timeout = (int) properties.awaitTimeout().toMillis();
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean(destroyMethod = "close")
    Admin configurationReadersAdmin(KafkaAdmin admin) {
        return Admin.create(admin.getConfigurationProperties());
    }
}
