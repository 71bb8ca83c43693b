package io.contacts.query.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.contacts.query.web.ServiceUnavailableException;
import org.elasticsearch.client.ResponseException;

import java.io.IOException;

/** Elasticsearch calls whose failure (unreachable, or an error it answered) is a 503 to the client. */
public final class ElasticsearchCalls {

    private ElasticsearchCalls() {
    }

    /** One call to the client. */
    public interface Call<T> {
        T call() throws IOException;
    }

    public static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (IOException | ElasticsearchException e) {
            throw unavailable(e);
        }
    }

    /**
     * Whether Elasticsearch refused a write as a version conflict (409: the document exists, or changed since it was
     * read). A synchronous call says so in an ElasticsearchException; a call waited for asynchronously (on a request's
     * thread, {@link LimitedTransport}) in the low-level client's ResponseException.
     */
    public static boolean isConflict(Exception e) {
        return e instanceof ElasticsearchException refused && refused.status() == 409
                || e instanceof ResponseException answered
                && answered.getResponse().getStatusLine().getStatusCode() == 409;
    }

    public static ServiceUnavailableException unavailable(Exception e) {
        return new ServiceUnavailableException("Elasticsearch cannot answer: " + e.getMessage(), e);
    }
}
