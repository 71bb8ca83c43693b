package io.contacts.query.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The most hits one search may rank ({@code from + size}), at most the index's {@code index.max_result_window}
 * (Elasticsearch's default, 10,000). Pages past it are reached from landmarks ({@link Landmarks}); tests set it low to
 * cross it with a few thousand contacts.
 *
 * @param resultWindow   the largest {@code from + size} of any search
 * @param landmarkBudget how many landmarks all results together keep cached (each is a few sort values)
 */
@ConfigurationProperties("contacts.search")
public record ResultWindow(int resultWindow, int landmarkBudget) {

    /** The largest page, so that {@code from} can always be at least something. */
    private static final int MIN_WINDOW = 2 * Paging.MAX_PER_PAGE + 1;

    public ResultWindow {
        if (resultWindow < MIN_WINDOW) {
            throw new IllegalArgumentException("contacts.search.result-window must be at least " + MIN_WINDOW
                    + ", was " + resultWindow);
        }
        if (landmarkBudget < 1) {
            throw new IllegalArgumentException("contacts.search.landmark-budget must be positive, was "
                    + landmarkBudget);
        }
    }

    /** Every how many hits a landmark is kept: a page then starts at most this far after its landmark. */
    int landmarkSpacing() {
        return resultWindow / 10;
    }
}
