package io.contacts.benchmarks.write;

import io.contacts.benchmarks.BenchmarkException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The highest create rate the last write benchmark measured, kept in the run directory for the lag benchmark. */
public final class MaxWriteRate {

    private final Path file;

    public MaxWriteRate(Path runDir) {
        this.file = runDir.resolve("bench").resolve("write-max-rate");
    }

    public Path file() {
        return file;
    }

    public void save(double perSecond) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.format(Locale.ROOT, "%.1f%n", perSecond));
        } catch (IOException e) {
            throw new BenchmarkException("cannot write " + file, e);
        }
    }

    public Optional<Double> saved() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Double.parseDouble(Files.readString(file).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
