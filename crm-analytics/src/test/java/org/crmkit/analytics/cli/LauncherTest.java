package org.crmkit.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crmkit.core.common.CrmException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code src/main/bin/crmkit-analytics} (the build puts it beside crmkit-analytics.jar), run by bash as
 * an analyst runs it, beside a jar of the command built here as the build's shade plugin builds it.
 */
class LauncherTest {

    private static final String[] SUMMARY = {"summary", "--calibration-end", "2024-01-10", "--input"};

    @TempDir
    Path dir;

    private Path launcher;
    private Path input;

    @BeforeEach
    void installBesideTheJar() throws IOException, URISyntaxException {
        assumeThat(Path.of("/usr/bin/env")).exists();
        Path installed = Files.createDirectory(dir.resolve("bin"));
        launcher = Files.copy(Path.of("src/main/bin/crmkit-analytics"), installed.resolve("crmkit-analytics"));
        commandJar(installed.resolve("crmkit-analytics.jar"));
        input = Files.writeString(
                dir.resolve("tx.csv"),
                "customer,date,amount\nc1,2024-01-01,10\nc1,2024-01-03,5\nZo\u00eb,2024-01-08,20\n");
    }

    @Test
    void theFirstRunArchivesTheClassesTheNextMapsThemAndBothUseTheSerialCollector() throws Exception {
        Path cache = dir.resolve("cache");

        Run first = run(cache, "-J-Xlog:gc,gc+heap=trace:file=" + dir.resolve("gc.log"));
        Run second = run(cache, "-J-Xlog:class+load:file=" + dir.resolve("classes.log"));

        assertThat(first).isEqualTo(inProcess());
        assertThat(second).isEqualTo(inProcess());
        assertThat(Files.readString(dir.resolve("gc.log"))).contains("Using Serial");
        assertThat(youngGenerationMegabytes(dir.resolve("gc.log"))).isEqualTo(512);
        try (Stream<Path> archives = Files.list(cache.resolve("crmkit-analytics"))) {
            assertThat(archives.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .asString()
                    .endsWith(".jsa");
        }
        assertTheCommandWasMappedFromTheArchive();
    }

    @Test
    void aNewBuildOfTheJarGetsANewArchiveWithoutAWarning() throws Exception {
        Path cache = dir.resolve("cache");
        assertThat(run(cache)).isEqualTo(inProcess());
        Path jar = launcher.resolveSibling("crmkit-analytics.jar");
        Files.setLastModifiedTime(
                jar, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));

        Run rebuilt = run(cache);
        Run next = run(cache, "-J-Xlog:class+load:file=" + dir.resolve("classes.log"));

        assertThat(rebuilt).isEqualTo(inProcess());
        assertThat(next).isEqualTo(inProcess());
        assertTheCommandWasMappedFromTheArchive();
    }

    @Test
    void theJavaOnThePathIsFollowedToItsJdkThroughALink() throws Exception {
        Path cache = dir.resolve("cache");
        Path bin = Files.createDirectory(dir.resolve("path"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Map<String, String> environment = Map.of("PATH", bin + ":/usr/bin:/bin");

        Run first = run(cache, environment);
        Run second = run(cache, environment, "-J-Xlog:class+load:file=" + dir.resolve("classes.log"));

        assertThat(first).isEqualTo(inProcess());
        assertThat(second).isEqualTo(inProcess());
        assertThat(Files.readString(cache.resolve("crmkit-analytics").resolve("java-home")))
                .isEqualTo(Path.of(System.getProperty("java.home")).toRealPath() + "\n");
        assertTheCommandWasMappedFromTheArchive();
    }

    @Test
    void aHeapSizedByTheCallerIsTakenWithoutTheLaunchersYoungGeneration() throws Exception {
        Run run = run(dir.resolve("cache"), "-J-Xmx256m", "-J-Xlog:gc+heap=trace:file=" + dir.resolve("heap.log"));

        assertThat(run).isEqualTo(inProcess());
        assertThat(youngGenerationMegabytes(dir.resolve("heap.log"))).isLessThan(256);
    }

    @Test
    void withoutACacheToWriteTheCommandRunsWithoutArchive() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "");

        assertThat(run(notAFolder)).isEqualTo(inProcess());
    }

    @Test
    void theCommandsExitStatusAndMessagesComeThrough() throws Exception {
        Run run = run(dir.resolve("cache"), "--top", "0");

        assertThat(run.status()).isEqualTo(AnalyticsCommand.USAGE_ERROR);
        assertThat(run.stderr()).startsWith("error: --top");
    }

    record Run(int status, String stdout, String stderr) {}

    private void assertTheCommandWasMappedFromTheArchive() throws IOException {
        assertThat(Files.readAllLines(dir.resolve("classes.log")))
                .filteredOn(line -> line.contains("org.crmkit.analytics.cli.AnalyticsCommand "))
                .singleElement()
                .asString()
                .contains("shared objects file");
    }

    /** The young generation's initial size, from a -Xlog:gc+heap=trace log (as Java 17 and 25 write it). */
    private static long youngGenerationMegabytes(Path log) throws IOException {
        Matcher young = Pattern.compile("Initial young (\\d+)").matcher(Files.readString(log));
        assertThat(young.find()).as("the young generation in " + log).isTrue();
        return Long.parseLong(young.group(1)) / (1024 * 1024);
    }

    /** The launcher with this cache folder, the command {@link #SUMMARY} of the input, then more arguments. */
    private Run run(Path cache, String... more) throws IOException, InterruptedException {
        return run(cache, Map.of("JAVA_HOME", System.getProperty("java.home")), more);
    }

    /** The same with these variables (JAVA_HOME among them, or not) in the environment. */
    private Run run(Path cache, Map<String, String> environment, String... more)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "bash", launcher.toString()));
        List<String> arguments = new ArrayList<>(List.of(SUMMARY));
        arguments.add(input.toString());
        for (String argument : more) {
            (argument.startsWith("-J") ? command : arguments).add(argument);
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("CRMKIT_ANALYTICS_JVM_OPTS");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the launcher ended")
                .isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }

    /** {@link #SUMMARY} run in this JVM: the rows, the summary after them, and nothing from a JVM. */
    private Run inProcess() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args =
                Stream.concat(Stream.of(SUMMARY), Stream.of(input.toString())).toArray(String[]::new);
        int status = AnalyticsCommand.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command's classes and those it uses (crm-core, Hipparchus) in one jar whose main class is the command. */
    private static void commandJar(Path jar) throws IOException, URISyntaxException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, AnalyticsCommand.class.getName());
        Set<String> written = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> from : List.of(
                    AnalyticsCommand.class, CrmException.class, CholeskyDecomposition.class, SimplexOptimizer.class)) {
                Path location = Path.of(
                        from.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(location)) {
                    try (Stream<Path> files = Files.walk(location)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            String name = location.relativize(file).toString().replace('\\', '/');
                            try (InputStream content = Files.newInputStream(file)) {
                                add(out, written, name, content);
                            }
                        }
                    }
                } else {
                    try (JarFile library = new JarFile(location.toFile())) {
                        for (JarEntry entry : library.stream().toList()) {
                            if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                                add(out, written, entry.getName(), library.getInputStream(entry));
                            }
                        }
                    }
                }
            }
        }
    }

    private static void add(JarOutputStream out, Set<String> written, String name, InputStream content)
            throws IOException {
        if (written.add(name)) {
            out.putNextEntry(new JarEntry(name));
            content.transferTo(out);
            out.closeEntry();
        }
    }
}
