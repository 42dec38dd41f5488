package io.dbzlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar at build time. */
final class Version implements IVersionProvider {

    /**
     * From the jar's manifest (Implementation-Version), which the JVM has read already; from the
     * properties Maven filtered when running from the classes folder (tests).
     */
    static String number() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/dbzlint-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"dbzlint " + number()};
    }
}
