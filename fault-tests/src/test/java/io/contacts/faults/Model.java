package io.contacts.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the client knows must exist: every contact the load created and the last value each acknowledged write gave it.
 * A worker owns its contacts (no two workers write one contact) and records a write only once it got a definite
 * answer, so the expected state is exact.
 */
final class Model {

    /** The custom attribute every create sets; updates set {@code step} next to it. */
    static final String ORIGIN = "faults";

    static final class Contact {
        final String email;
        /** Unknown when the create's answer was lost and a retry found the email taken: looked up by email later. */
        volatile Long id;
        volatile String name;
        volatile boolean blocked;
        volatile String step;
        volatile String city;
        volatile List<String> labels = List.of();
        volatile boolean deleted;

        Contact(String email, Long id, String name, String city) {
            this.email = email;
            this.id = id;
            this.name = name;
            this.city = city;
        }

        Map<String, Object> customAttributes() {
            return step == null ? Map.of("origin", ORIGIN) : Map.of("origin", ORIGIN, "step", step);
        }

        Map<String, Object> additionalAttributes() {
            return Map.of("city", city);
        }

        @Override
        public String toString() {
            return "contact " + id + " <" + email + "> name=" + name + " blocked=" + blocked + " step=" + step
                    + " city=" + city + " labels=" + labels + (deleted ? " DELETED" : "");
        }
    }

    final ConcurrentLinkedQueue<Contact> contacts = new ConcurrentLinkedQueue<>();
}
