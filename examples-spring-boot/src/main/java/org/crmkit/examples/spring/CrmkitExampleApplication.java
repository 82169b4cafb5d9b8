package org.crmkit.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on crmkit's starter: the starter configures {@code Crm} on this application's JPA, H2
 * database and Flyway, and the workflow runtime on its scheduler; the application adds a few REST endpoints
 * ({@link CrmEndpoints}), dunning with its email channel ({@link DunningSetup}), and nothing else.
 */
@SpringBootApplication
public class CrmkitExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmkitExampleApplication.class, args);
    }
}
