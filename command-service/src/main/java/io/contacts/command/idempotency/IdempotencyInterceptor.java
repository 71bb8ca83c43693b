package io.contacts.command.idempotency;

import io.contacts.command.account.AccountMember;
import io.contacts.command.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * After authentication, before the handler: a keyed request whose key is on record answers what is owed to it
 * ({@link EarlierRequests}) without running; any other keyed request runs as an {@link IdempotentWrite}.
 */
@Component
class IdempotencyInterceptor implements HandlerInterceptor {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final EarlierRequests earlier;

    IdempotencyInterceptor(EarlierRequests earlier) {
        this.earlier = earlier;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        RequestFingerprint fingerprint = RequestFingerprint.of(request);
        if (fingerprint == null) {
            return true;
        }
        Optional<IdempotencyKey> key = IdempotencyKey.of(Collections.list(request.getHeaders(IdempotencyKey.HEADER)));
        if (key.isEmpty()) {
            return true;
        }
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(AnswerHoldsSecret.class)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, Map.of("error", "Invalid Idempotency-Key", "message",
                    "This request's answer holds a secret that is never stored: it takes no Idempotency-Key"));
        }
        KeyScope scope = new KeyScope(principal(request), request.getMethod() + " " + request.getRequestURI(),
                key.get());
        Optional<StoredAnswer> owed = earlier.answer(scope, fingerprint::value);
        if (owed.isPresent()) {
            IdempotencyFilter.send(response, owed.get());
            return false;
        }
        request.setAttribute(IdempotentWrite.ATTRIBUTE, new IdempotentWrite(scope, fingerprint));
        return true;
    }

    /** The user of an account's API, or the platform (whose token the platform interceptor checked). */
    private static String principal(HttpServletRequest request) {
        Object member = request.getAttribute(AccountMember.REQUEST_ATTRIBUTE);
        return member instanceof AccountMember user ? "user:" + user.userId() : "platform";
    }
}
