package io.contacts.command.account;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailedAuthenticationsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final FailedAuthentications failures = new FailedAuthentications(3, Duration.ofMinutes(1), 1000,
            new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            });

    @Test
    void anAddressIsRefusedOnceItsFailuresAreUsedUpUntilThePeriodEnds() {
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> failures.checkAllowed("203.0.113.7")).doesNotThrowAnyException();
            failures.failed("203.0.113.7");
        }
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThatThrownBy(() -> failures.checkAllowed("203.0.113.7"))
                .isInstanceOfSatisfying(TooManyFailedAuthentications.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.body()).containsEntry("error", "Too many failed authentication attempts");
                    assertThat(e.headers().getFirst("Retry-After")).isEqualTo("40");
                });
        assertThatCode(() -> failures.checkAllowed("203.0.113.8")).doesNotThrowAnyException();

        nanos.addAndGet(Duration.ofSeconds(40).toNanos());
        assertThatCode(() -> failures.checkAllowed("203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void fewerAddressesThanTheBoundAreRememberedAtMost() {
        FailedAuthentications bounded = new FailedAuthentications(1, Duration.ofHours(1), 10, TimeMeter.SYSTEM_MILLISECONDS);
        for (int i = 0; i < 10_000; i++) {
            bounded.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(bounded.rememberedAddresses()).isLessThanOrEqualTo(10);
    }
}
