package io.contacts.command.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler whose answer carries a secret (a new user's access token): such an answer is never stored, so an
 * {@code Idempotency-Key} could not be honoured there and is refused (400) rather than ignored.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AnswerHoldsSecret {
}
