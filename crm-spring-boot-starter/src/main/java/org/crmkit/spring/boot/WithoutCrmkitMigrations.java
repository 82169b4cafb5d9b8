package org.crmkit.spring.boot;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The application's migrations without crmkit's: Flyway scans a location with its sub-folders, so the application's
 * {@code classpath:db/migration} (Spring Boot's default) would also find crmkit's files under
 * {@code db/migration/crmkit/} (of both databases, whose versions collide) and apply them in the application's
 * history. This provider lists what Flyway would list, less crmkit's folder, which {@link CrmkitFlywayMigration}
 * applies on its own. Classpath and file-system locations, as Flyway's own scanner reads them.
 */
final class WithoutCrmkitMigrations implements ResourceProvider {

    /** Where crm-persistence-jpa keeps crmkit's migrations, one folder per database. */
    static final String CRMKIT_FOLDER = "db/migration/crmkit";

    private final List<Location> locations;
    private final Charset encoding;
    private final ResourcePatternResolver resolver;

    private WithoutCrmkitMigrations(List<Location> locations, Charset encoding, ClassLoader classLoader) {
        this.locations = locations;
        this.encoding = encoding;
        this.resolver = new PathMatchingResourcePatternResolver(classLoader);
    }

    /**
     * Whether the configuration's own provider must be replaced by this one: when a classpath location of the
     * application contains crmkit's folder, and every location is one this provider reads.
     */
    static boolean needed(Configuration configuration) {
        if (configuration.getResourceProvider() != null) {
            return false;
        }
        List<Location> locations = Arrays.asList(configuration.getLocations());
        boolean readable = locations.stream()
                .allMatch(location ->
                        (location.isClassPath() || location.isFileSystem()) && location.getPathRegex() == null);
        boolean seesCrmkit = locations.stream()
                .anyMatch(location -> location.isClassPath()
                        && (CRMKIT_FOLDER + "/").startsWith(trimmed(location.getRootPath()) + "/"));
        return readable && seesCrmkit;
    }

    static WithoutCrmkitMigrations of(Configuration configuration) {
        return new WithoutCrmkitMigrations(
                Arrays.asList(configuration.getLocations()),
                configuration.getEncoding(),
                configuration.getClassLoader());
    }

    @Override
    public LoadableResource getResource(String name) {
        for (Location location : locations) {
            Resource resource = resolver.getResource(springPath(location) + "/" + name);
            if (resource.exists() && !isCrmkits(resource)) {
                return new Migration(resource, name);
            }
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (Location location : locations) {
            String root = springPath(location);
            String pattern = (location.isClassPath() ? "classpath*:" + root.substring("classpath:".length()) : root)
                    + "/**/" + prefix + "*";
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    String filename = resource.getFilename();
                    if (filename != null
                            && Arrays.stream(suffixes).anyMatch(filename::endsWith)
                            && resource.isReadable()
                            && !isCrmkits(resource)) {
                        found.add(new Migration(resource, relativePath(resource, location)));
                    }
                }
            } catch (IOException e) {
                throw new CrmkitConfigurationException("cannot list the migrations in " + location + ": " + e, e);
            }
        }
        return found;
    }

    private static String springPath(Location location) {
        String root = trimmed(location.getRootPath());
        return location.isClassPath() ? "classpath:" + root : "file:" + root;
    }

    private static String trimmed(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean isCrmkits(Resource resource) {
        return url(resource).contains("/" + CRMKIT_FOLDER + "/");
    }

    private static String relativePath(Resource resource, Location location) {
        String url = url(resource);
        String root = "/" + trimmed(location.getRootPath()).replaceFirst("^/", "") + "/";
        int at = url.lastIndexOf(root);
        return at < 0 ? resource.getFilename() : url.substring(at + root.length());
    }

    private static String url(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            throw new CrmkitConfigurationException("cannot locate the migration " + resource + ": " + e, e);
        }
    }

    /** One migration file as Flyway reads it. */
    private final class Migration extends LoadableResource {

        private final Resource resource;
        private final String relativePath;

        Migration(Resource resource, String relativePath) {
            this.resource = resource;
            this.relativePath = relativePath;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(resource.getInputStream(), encoding);
            } catch (IOException e) {
                throw new CrmkitConfigurationException("cannot read the migration " + resource + ": " + e, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return url(resource);
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url(resource);
        }

        @Override
        public String getFilename() {
            return resource.getFilename();
        }

        @Override
        public String getRelativePath() {
            return relativePath;
        }
    }
}
