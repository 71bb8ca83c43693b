package io.contacts.e2e;

import org.quicktheories.QuickTheory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * How the hostile suite runs its properties (QuickTheories): 25 examples each (a system property {@code QT_EXAMPLES}
 * for a long run), a random seed ({@code QT_SEED} replays one), and no shrinking: each shrinking step would be another
 * request against a live stack that could write, so a failure reports its original example with the seed.
 */
final class HostileTheory {

    static final int EXAMPLES = Integer.getInteger("QT_EXAMPLES", 25);

    private HostileTheory() {
    }

    static <T> void check(Gen<T> examples, Consumer<T> property) {
        QuickTheory.qt().withExamples(EXAMPLES).withShrinkCycles(0)
                .forAll(examples.describedAs(HostileTheory::describe)).checkAssert(property);
    }

    /** An example as the failure report shows it: non-ASCII escaped, bytes as Latin-1, long text abbreviated. */
    static String describe(Object example) {
        if (example instanceof byte[] bytes) {
            return Verdict.printable(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        if (example instanceof Pair<?, ?> pair) {
            return "(" + describe(pair._1) + ", " + describe(pair._2) + ")";
        }
        return Verdict.printable(example);
    }
}
