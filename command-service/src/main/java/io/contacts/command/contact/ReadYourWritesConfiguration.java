package io.contacts.command.contact;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

@Configuration
class ReadYourWritesConfiguration {

    static final String LISTENER_FACTORY = "searchableNoticesListenerFactory";

    /** The query-service declares the same topic; one partition, which every command-service instance reads whole. */
    @Bean
    NewTopic searchableNoticesTopic(@Value("${contacts.read-your-writes.topic}") String topic) {
        return TopicBuilder.name(topic).partitions(1).replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis())).build();
    }

    /**
     * The partition is assigned, not joined through a consumer group (no rebalance at start, no group left behind),
     * and its position is never committed: each start reads from the end.
     */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> searchableNoticesListenerFactory(KafkaProperties kafka) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties(null));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        return factory;
    }

    /** Copies the read-your-writes mark of a command into the events it applies (and so onto their Kafka records). */
    @Bean
    CorrelationDataProvider awaitedWrites() {
        return new SimpleCorrelationDataProvider(ReadYourWrites.AWAITED);
    }

    /** Axon's default, which a provider of our own would otherwise replace. */
    @Bean
    CorrelationDataProvider originOfMessages() {
        return new MessageOriginProvider();
    }
}
