package io.contacts.command.database;

import java.util.function.Supplier;

/**
 * Work that a thread other than the request's own does for HTTP requests (the group commit of their commands): its
 * connections get the request timeout of {@link RequestTimeoutDataSource}, as the requests' own would.
 */
public final class RequestWork {

    private static final ThreadLocal<Boolean> RUNNING = new ThreadLocal<>();

    private RequestWork() {
    }

    public static <T> T run(Supplier<T> work) {
        RUNNING.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            RUNNING.remove();
        }
    }

    static boolean isRunning() {
        return RUNNING.get() != null;
    }
}
