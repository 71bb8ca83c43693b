package io.contacts.command.it;

import io.contacts.command.publishing.PublisherProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
    DataSource dataSource;

    /** One series' value, 0 when the series is not there yet. */
    private double scrape(String series) {
        HttpJson.Response response = management().send("GET", "/actuator/prometheus", null, null);
        assertThat(response.status()).isEqualTo(200);
        return response.text().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1))).findFirst().orElse(0);
    }

    @Test
    void publishedRecordsCountAndTheLagGrowsWhileAPublisherCannotCommit() throws SQLException {
        await().atMost(Duration.ofSeconds(60)).until(() -> scrape(STATE_LAG) == 0 && scrape(EVENTS_LAG) == 0);
        double created = scrape(CREATED);
        double states = scrape(STATES);

        // the state publisher's tokens locked: it cannot commit a batch (in any application context of this JVM)
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("SELECT * FROM tokenentry WHERE processorname = '" + PublisherProcessor.STATE
                        + "' FOR UPDATE");
            }
            try {
                Account account = newAccount();
                createContact(account, Map.of("name", "Metric"));
                createContact(account, Map.of("name", "Metric 2"));
                await().atMost(Duration.ofSeconds(60)).until(() -> scrape(CREATED) >= created + 2);
                await().atMost(Duration.ofSeconds(30)).until(() -> scrape(EVENTS_LAG) == 0);
                assertThat(scrape(STATE_LAG)).isGreaterThanOrEqualTo(2);
            } finally {
                lock.rollback();
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> scrape(STATE_LAG) == 0);
        assertThat(scrape(STATES)).isGreaterThanOrEqualTo(states + 2);
    }
}
