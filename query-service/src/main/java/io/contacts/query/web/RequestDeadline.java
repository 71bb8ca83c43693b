package io.contacts.query.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Each request may spend {@code contacts.limits.request-budget} from its start on Elasticsearch, however many calls
 * it makes (a search reads the index's mapping, then searches): each call gets what is left, so that the sum stays
 * within the read bound even when every one of them would run into its own limit. A call that ran out of time spends
 * the rest: a dependency that did not answer one call is not waited for again by the same request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestDeadline extends OncePerRequestFilter {

    private static final String ATTRIBUTE = RequestDeadline.class.getName();

    private final long budgetNanos;

    public RequestDeadline(@Value("${contacts.limits.request-budget}") Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, System.nanoTime() + budgetNanos);
        chain.doFilter(request, response);
    }

    /** The current request (if any) has no more time for outbound calls. */
    public static void spend() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null) {
            attributes.setAttribute(ATTRIBUTE, System.nanoTime(), RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** What the current request has left; empty outside a request (the projector's, an export's threads). */
    public static Optional<Duration> remaining() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object deadline = attributes == null ? null
                : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return deadline instanceof Long nanos ? Optional.of(Duration.ofNanos(nanos - System.nanoTime()))
                : Optional.empty();
    }
}
