package io.contacts.command.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Optional;

/**
 * Around a POST that carries an {@code Idempotency-Key}: fingerprints the request, keeps its answer, and once the
 * handler is done records that answer under the key. Answers of 5xx (nothing written, or in doubt) are not recorded:
 * a retry runs again, and finds the key if the first write committed after all. A request that lost its key to a
 * concurrent one answers that one's answer.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final EarlierRequests earlier;

    IdempotencyFilter(IdempotencyKeys keys, EarlierRequests earlier) {
        this.keys = keys;
        this.earlier = earlier;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(IdempotencyKey.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestFingerprint fingerprinted = new RequestFingerprint(request);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(fingerprinted, answer);
            IdempotentWrite write = (IdempotentWrite) request.getAttribute(IdempotentWrite.ATTRIBUTE);
            if (write != null && answer.getStatus() < 500) {
                record(write, answer);
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    private void record(IdempotentWrite write, ContentCachingResponseWrapper answer) throws IOException {
        StoredAnswer own = new StoredAnswer(answer.getStatus(), answer.getContentType(),
                answer.getContentAsByteArray());
        try {
            if (write.committed()) {
                // the client has its answer before it is recorded: a PostgreSQL that stops now does not delay it,
                // and a retry meanwhile waits for the record (EarlierRequests)
                answer.copyBodyToResponse();
                answer.getResponse().flushBuffer();
                keys.answer(write.scope(), own);
                return;
            }
            if (keys.claimAnswered(write.scope(), write.fingerprint(), own)) {
                return;
            }
            // a concurrent request with this key committed first: its answer is this request's answer too
            Optional<StoredAnswer> theirs = earlier.answer(write.scope(), write::fingerprint);
            if (theirs.isPresent()) {
                answer.resetBuffer();
                send(answer, theirs.get());
            }
        } catch (RuntimeException e) {
            // the write stands; a retry finds its key without an answer (EarlierRequests)
            log.warn("Could not record the answer of Idempotency-Key {}: {}", write.scope().key().value(), e.toString());
        }
    }

    static void send(HttpServletResponse response, StoredAnswer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.setHeader(IdempotencyInterceptor.REPLAYED_HEADER, "true");
        response.getOutputStream().write(answer.body());
    }
}
