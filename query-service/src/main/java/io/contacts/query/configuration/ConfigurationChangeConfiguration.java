package io.contacts.query.configuration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

import java.time.Duration;

@Configuration
class ConfigurationChangeConfiguration {

    static final String LISTENER_FACTORY = "configurationChangeListenerFactory";

    /** The command-service declares the same topic; whichever starts first creates it. */
    @Bean
    NewTopic configurationChangesTopic(@Value("${contacts.configuration.topic}") String topic) {
        return TopicBuilder.name(topic).partitions(1).replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis())).build();
    }

    /** One record at a time, its offset committed synchronously after it: the writer waits for that commit. */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> configurationChangeListenerFactory(
            ConsumerFactory<String, byte[]> consumers) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }
}
