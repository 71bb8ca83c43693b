package io.contacts.command.it;

import io.contacts.command.publishing.PublisherProcessor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The publishers' metrics on /actuator/prometheus: records published per topic and type, lag per processor. */
class PublishingMetricsIT extends CommandServiceIT {

    private static final String STATE_LAG = "contacts_publisher_lag_events{processor=\"state-publisher\"}";
    private static final String EVENTS_LAG = "contacts_publisher_lag_events{processor=\"kafka-publisher\"}";
    private static final String CREATED = "contacts_published_events_total{topic=\"" + TOPIC
            + "\",type=\"contact.created.v1\"}";
    private static final String STATES = "contacts_published_events_total{topic=\"" + STATE_TOPIC
            + "\",type=\"contact.state.v1\"}";

    @Autowired
    EventProcessingConfiguration processing;

    /** One series' value, 0 when the series is not there yet. */
    private double scrape(String series) {
        HttpJson.Response response = http().send("GET", "/actuator/prometheus", null, null);
        assertThat(response.status()).isEqualTo(200);
        return response.text().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1))).findFirst().orElse(0);
    }

    @Test
    void publishedRecordsCountAndTheLagGrowsWhileAPublisherStandsStill() {
        await().atMost(Duration.ofSeconds(60)).until(() -> scrape(STATE_LAG) == 0 && scrape(EVENTS_LAG) == 0);
        double created = scrape(CREATED);
        double states = scrape(STATES);
        TrackingEventProcessor statePublisher = processing
                .eventProcessor(PublisherProcessor.STATE, TrackingEventProcessor.class).orElseThrow();

        statePublisher.shutDown();
        try {
            Account account = newAccount();
            createContact(account, Map.of("name", "Metric"));
            createContact(account, Map.of("name", "Metric 2"));
            // the events publisher went on, the state publisher is two events behind
            await().atMost(Duration.ofSeconds(60)).until(() -> scrape(CREATED) >= created + 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> scrape(EVENTS_LAG) == 0);
            assertThat(scrape(STATE_LAG)).isEqualTo(2);
            assertThat(scrape(STATES)).isEqualTo(states);
        } finally {
            statePublisher.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> scrape(STATE_LAG) == 0);
        assertThat(scrape(STATES)).isGreaterThanOrEqualTo(states + 1);
    }
}
