package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** README.md's embedding example is the compiled code of {@link EmbeddingExample}, and it runs. */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLE =
            Path.of("src", "main", "java", "org", "crmkit", "examples", "EmbeddingExample.java");

    @Test
    void readmeShowsExactlyTheCompiledEmbeddingExample() throws IOException {
        String source = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String marked = source.substring(
                source.indexOf("// README:BEGIN\n") + "// README:BEGIN\n".length(), source.indexOf("// README:END"));
        String block = dedent(marked);

        assertThat(block).contains("Crm.builder()");
        assertThat(Files.readString(README, StandardCharsets.UTF_8)).contains("```java\n" + block + "```\n");
    }

    @Test
    void theEmbeddingExamplePrintsTheAccountTimeline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        EmbeddingExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("CALL  Intro call");
    }

    private static String dedent(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"));
    }
}
