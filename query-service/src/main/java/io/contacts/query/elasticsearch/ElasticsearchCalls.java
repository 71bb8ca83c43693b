package io.contacts.query.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.contacts.query.web.ServiceUnavailableException;

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

    public static ServiceUnavailableException unavailable(Exception e) {
        return new ServiceUnavailableException("Elasticsearch cannot answer: " + e.getMessage(), e);
    }
}
