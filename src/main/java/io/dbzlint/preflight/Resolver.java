package io.dbzlint.preflight;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.References;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Fills in a config value's references as the worker would, from what this machine has: Kafka's
 * {@code ${env:VAR}} and {@code ${file:path:key}} (a properties file), and the templates a shell
 * fills in ({@code ${VAR}}, {@code ${VAR:-default}}, {@code $VAR}). A file is read only inside the
 * project, never through a link out of it: a repository cannot make preflight send a file of the
 * machine to a database host it names. Anything else (a vault provider, a placeholder) is
 * unresolvable, and says why.
 */
final class Resolver {

    /** Why a value cannot be filled in here, in one line without the value. */
    static final class Unresolvable extends Exception {
        Unresolvable(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> env;
    private final Path projectRoot;

    Resolver(Map<String, String> env, Path projectRoot) {
        this.env = env;
        this.projectRoot = projectRoot;
    }

    /** The value as the connector will see it. */
    String resolve(ConfigEntry entry) throws Unresolvable {
        String text = entry.text();
        if (text == null) {
            throw new Unresolvable(entry.key() + " is not a plain value");
        }
        StringBuilder resolved = new StringBuilder();
        int at = 0;
        for (References.Reference reference : entry.references()) {
            resolved.append(text, at, reference.start()).append(value(entry.key(), reference));
            at = reference.end();
        }
        return resolved.append(text.substring(at)).toString();
    }

    private String value(String key, References.Reference reference) throws Unresolvable {
        switch (reference.kind()) {
            case PROVIDER -> {
                if ("env".equals(reference.provider())) {
                    return variable(key, reference.body(), null);
                }
                if ("file".equals(reference.provider())) {
                    return file(key, reference.body());
                }
                throw new Unresolvable(key + " comes from the worker's " + reference.provider()
                        + " config provider; give it with --password-env or the environment");
            }
            case TEMPLATE -> {
                String body = reference.text().startsWith("${")
                        ? reference.text().substring(2, reference.text().length() - 1) : reference.text().substring(1);
                int operator = body.indexOf(":-");
                return operator < 0 ? variable(key, body, null)
                        : variable(key, body.substring(0, operator), body.substring(operator + 2));
            }
            default -> throw new Unresolvable(key + " is a placeholder for a reader to fill in");
        }
    }

    private String variable(String key, String name, String fallback) throws Unresolvable {
        String value = env.get(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        if (fallback != null) {
            return fallback;
        }
        throw new Unresolvable(key + " needs the environment variable " + name + ", which is not set");
    }

    private String file(String key, String body) throws Unresolvable {
        int colon = body.lastIndexOf(':');
        if (colon <= 0) {
            throw new Unresolvable(key + " names no key in its file reference");
        }
        String name = body.substring(0, colon);
        try {
            Path root = projectRoot.toRealPath();
            Path file = root.resolve(name).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
                throw new Unresolvable(key + " is read from a file outside the project (" + name
                        + "), which preflight does not read; give it with --password-env or the environment");
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            String value = properties.getProperty(body.substring(colon + 1));
            if (value == null) {
                throw new Unresolvable(key + ": " + name + " has no key " + body.substring(colon + 1));
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new Unresolvable(key + ": cannot read " + name);
        }
    }
}
