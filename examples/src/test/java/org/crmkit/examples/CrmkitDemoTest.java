package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the whole demo as the README's demo command does, on its default H2 database, with {@link DemoRunChecks}. */
class CrmkitDemoTest extends DemoRunChecks {

    @Override
    CrmkitDemo.Outcome runDemo(Path directory, Path cdnow, PrintStream out) {
        return CrmkitDemo.run(directory, cdnow, out);
    }

    @Test
    void theStoryIsStoredThroughJpaInAnH2DatabaseTheDemoNames() {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("crm");

        assertThat(printed).startsWith("Database: " + url + " (crmkit's JpaStorage and JpaWorkflowStore on Hibernate)");
        assertThat(directory.resolve("crm.mv.db")).exists().isNotEmptyFile();
    }
}
