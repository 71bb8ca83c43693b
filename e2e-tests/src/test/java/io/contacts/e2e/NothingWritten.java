package io.contacts.e2e;

import org.quicktheories.core.Gen;

import java.util.function.Consumer;

/** A hostile test class whose account can be checked for writes a rejected request made. */
interface NothingWritten {

    HostileAccount account();

    /** The account equals its baseline. */
    default void assertNothingWritten() {
        account().assertUnchanged(account().baseline(), "the whole property");
    }

    /**
     * Runs a property; after it passed, checks the account once more: a write that a rejected request made
     * asynchronously (after its 4xx, without read-your-writes) has reached the projection by then. Not after a failed
     * property, whose own failure is the one to report.
     */
    default <T> void property(Gen<T> examples, Consumer<T> property) {
        HostileTheory.check(examples, property);
        assertNothingWritten();
    }
}
