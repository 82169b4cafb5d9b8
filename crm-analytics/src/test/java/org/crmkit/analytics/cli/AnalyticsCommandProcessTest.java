package org.crmkit.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command in a child JVM, as an analyst's shell runs it. */
class AnalyticsCommandProcessTest {

    @TempDir
    Path dir;

    private Path purchases() throws IOException {
        return Files.writeString(
                dir.resolve("tx.csv"),
                "customer,date,amount\nM\u00fcller,2024-01-01,10\nMueller,2024-01-03,5\nZo\u00eb,2024-01-08,20\n");
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AnalyticsCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static ProcessBuilder inCLocale(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LANG", "C");
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return builder;
    }

    private static int waitFor(Process process) throws InterruptedException {
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the command ended")
                .isTrue();
        return process.exitValue();
    }

    @Test
    void inTheCLocaleTheRowsAreStillUtf8() throws Exception {
        Process process = inCLocale(
                        java("summary", "--input", purchases().toString(), "--calibration-end", "2024-01-10"))
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        byte[] stdout = process.getInputStream().readAllBytes();

        assertThat(waitFor(process))
                .as(Files.readString(dir.resolve("err.txt")))
                .isZero();
        assertThat(new String(stdout, StandardCharsets.UTF_8)).contains("\nM\u00fcller,", "\nMueller,", "\nZo\u00eb,");
    }

    @Test
    void aClosedStandardOutputEndsWithExitThreeAndAMessage() throws Exception {
        assumeThat(new File("/bin/sh")).exists();
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" >&-", "sh"));
        command.addAll(java("summary", "--input", purchases().toString(), "--calibration-end", "2024-01-05"));
        Process process = inCLocale(command).redirectErrorStream(true).start();
        String messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(waitFor(process)).as(messages).isEqualTo(AnalyticsCommand.WRITE_FAILED);
        assertThat(messages).contains("error: cannot write the result to standard output");
    }

    @Test
    void aBrokenPipeEndsWithExitThree() throws Exception {
        Process process = inCLocale(
                        java("summary", "--input", purchases().toString(), "--calibration-end", "2024-01-05"))
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        process.getInputStream().close();

        assertThat(waitFor(process)).isEqualTo(AnalyticsCommand.WRITE_FAILED);
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("cannot write the result", "Broken pipe");
    }

    @Test
    void aFullDiskEndsWithExitThree() throws Exception {
        File full = new File("/dev/full");
        assumeThat(full).exists();
        Process process = inCLocale(
                        java("summary", "--input", purchases().toString(), "--calibration-end", "2024-01-05"))
                .redirectOutput(full)
                .redirectError(dir.resolve("err.txt").toFile())
                .start();

        assertThat(waitFor(process)).isEqualTo(AnalyticsCommand.WRITE_FAILED);
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("No space left on device");
    }

    @Test
    void helpExitsWithZero() throws Exception {
        Process process = inCLocale(java("--help")).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(waitFor(process)).isZero();
        assertThat(text).startsWith("usage: java -jar crmkit-analytics.jar");
    }
}
