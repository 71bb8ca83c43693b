package io.contacts.faults;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The natively started stack, driven through {@code infra/stack.sh}: it knows every part's pid
 * ({@code <run dir>/pids/<part>.pid}) and {@code up} starts whatever part is not running and waits until it is healthy,
 * which is the restart. Services restart from the jars they ran ({@code <run dir>/jars}), never from a new build.
 */
final class Stack {

    private final Path root = Path.of(System.getProperty("contacts.root", "..")).toAbsolutePath().normalize();
    private final Path run = Path.of(System.getenv().getOrDefault("CONTACTS_RUN_DIR",
            root.resolve("infra/.run").toString())).toAbsolutePath();
    private final Path log = run.resolve("logs/fault-tests.log");

    /** Fails with what to run unless the stack's pid files are where this suite looks. */
    void requireNative() {
        if (Files.exists(run.resolve("docker-mode"))) {
            throw new IllegalStateException("The stack in " + run + " runs in Docker mode: the fault suite drives only"
                    + " the natively started stack (`infra/stack.sh up`). Leave it out with `-pl '!fault-tests'`.");
        }
        for (String part : List.of("pg", "kafka", "es", "command-service", "query-service", "nginx")) {
            if (!Files.isRegularFile(run.resolve("pids/" + part + ".pid"))) {
                throw new IllegalStateException("No natively started stack in " + run + " (no pids/" + part
                        + ".pid). The fault suite kills and restarts parts: run it against `infra/stack.sh up` (with"
                        + " the same CONTACTS_RUN_DIR and ports), e.g. `infra/stack.sh test` or"
                        + " `infra/stack.sh faults`.");
            }
        }
    }

    private volatile boolean broken;
    private final Set<String> frozen = ConcurrentHashMap.newKeySet();

    void kill(String part) {
        broken = true;
        stackSh("kill", part);
    }

    void stop(String part) {
        broken = true;
        stackSh("stop", part);
    }

    /** SIGSTOP: the part hangs, its connections stay open and nothing answers. */
    void freeze(String part) {
        frozen.add(part);
        stackSh("freeze", part);
    }

    void thaw(String part) {
        stackSh("thaw", part);
        frozen.remove(part);
    }

    /** Starts again what this suite stopped, should a scenario have failed before its restart. */
    void repair() {
        List.copyOf(frozen).forEach(this::thaw);
        if (broken) {
            up();
        }
    }

    /** Starts every part that is not running and waits until all are healthy. */
    void up() {
        stackSh("up");
    }

    private void stackSh(String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("infra/stack.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile()));
        builder.environment().put("CONTACTS_RUN_DIR", run.toString());
        builder.environment().put("CONTACTS_COMMAND_JAR", run.resolve("jars/command-service.jar").toString());
        builder.environment().put("CONTACTS_QUERY_JAR", run.resolve("jars/query-service.jar").toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("infra/stack.sh " + String.join(" ", args)
                        + " did not end in 5 min; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("infra/stack.sh " + String.join(" ", args) + " failed (exit "
                        + process.exitValue() + "); see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run infra/stack.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private File logFile() {
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return log.toFile();
    }
}
