package io.contacts.query.projection;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

@Configuration
class SearchableNoticesConfiguration {

    /** The command-service declares the same topic; whichever starts first creates it. */
    @Bean
    NewTopic searchableNoticesTopic(@Value("${contacts.read-your-writes.topic}") String topic) {
        return TopicBuilder.name(topic).partitions(1).replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis())).build();
    }

    /**
     * Its own producer (not the dead letters'): an announcement is worth something only within the writer's
     * read-your-writes timeout, so it goes at once, is acknowledged by the leader alone, and never holds the refresh
     * thread long while Kafka is away.
     */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> searchableNoticesProducer(KafkaProperties kafka) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties(null));
        settings.put(ProducerConfig.ACKS_CONFIG, "1");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }
}
