package io.contacts.command.it;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes answered from the command side count in contacts.read.your.writes.fallbacks, by reason. */
class ReadYourWritesFallbacksIT extends CommandServiceIT {

    private static final String FAILED = "contacts_read_your_writes_fallbacks_total{reason=\"failed\"}";
    private static final String TIMEOUT = "contacts_read_your_writes_fallbacks_total{reason=\"timeout\"}";
    private static final String BUSY = "contacts_read_your_writes_fallbacks_total{reason=\"busy\"}";

    /** One series' value; the series are registered at start, so a missing one fails. */
    private double scrape(String series) {
        HttpJson.Response response = management().send("GET", "/actuator/prometheus", null, null);
        assertThat(response.status()).isEqualTo(200);
        return response.text().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(series + " is not exported"));
    }

    @Test
    void aWriteTheQuerySideDidNotConfirmCountsAsFailed() {
        double failed = scrape(FAILED);
        double timedOut = scrape(TIMEOUT);
        Account account = newAccount();

        createContact(account, Map.of("name", "Fallback"));

        assertThat(scrape(FAILED)).isEqualTo(failed + 1);
        assertThat(scrape(TIMEOUT)).isEqualTo(timedOut);
        assertThat(scrape(BUSY)).isNotNegative();
    }

    @Test
    void aWriteWhoseWaitRanOutCountsAsTimeout() {
        Account account = newAccount();
        queryService.timeOut(account.id());
        double failed = scrape(FAILED);
        double timedOut = scrape(TIMEOUT);

        createContact(account, Map.of("name", "Slow"));

        assertThat(scrape(TIMEOUT)).isEqualTo(timedOut + 1);
        assertThat(scrape(FAILED)).isEqualTo(failed);
    }
}
