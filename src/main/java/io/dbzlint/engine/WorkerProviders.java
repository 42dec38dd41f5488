package io.dbzlint.engine;

import io.dbzlint.model.InputFormat;
import io.dbzlint.result.Finding;
import io.dbzlint.source.DeployedInput;
import io.dbzlint.source.Input;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config providers a repository's Kafka Connect workers name with a class dbzlint does not know
 * ({@code config.providers.file.class: com.example.PlainFileConfigProvider} in a worker file or a
 * Strimzi KafkaConnect, {@code CONNECT_CONFIG_PROVIDERS_ENV_CLASS} in a compose service). The syntax
 * a reference to such a provider takes is its class's, not that of Kafka's provider of the same
 * name: {@code ${file:/path}} without a key, {@code ${env:<ignore>:VAR}} may well resolve there.
 */
final class WorkerProviders {

    /**
     * Providers whose syntax dbzlint knows: Kafka's own (org.apache.kafka.common.config.provider),
     * and those whose references take a path and a key as Kafka's file provider does (Strimzi's
     * Kubernetes providers, Jeremy Custenborder's AWS Secrets Manager and Vault providers).
     */
    private static final Set<String> KNOWN_PROVIDERS = Set.of("FileConfigProvider", "DirectoryConfigProvider",
            "EnvVarConfigProvider", "KubernetesSecretConfigProvider", "KubernetesConfigMapConfigProvider",
            "SecretsManagerConfigProvider", "VaultConfigProvider");

    private static final Pattern PROPERTY = Pattern.compile(
            "config\\.providers\\.([A-Za-z0-9_-]{1,64})\\.class[\"']?\\s*[:=]\\s*[\"']?([A-Za-z_$][\\w.$]{0,300})");
    private static final Pattern ENVIRONMENT = Pattern.compile(
            "CONFIG_PROVIDERS_([A-Z0-9]{1,64})_CLASS[\"']?\\s*[:=]\\s*[\"']?([A-Za-z_$][\\w.$]{0,300})");

    private WorkerProviders() {
    }

    /** The provider names the workers of a run's inputs map to classes of their own. */
    static Set<String> of(List<Input> sources) {
        Set<String> found = new HashSet<>();
        for (Input source : sources) {
            InputFormat format = source.id().format();
            if (source instanceof DeployedInput || format != InputFormat.YAML && format != InputFormat.PROPERTIES
                    && format != InputFormat.SHELL) {
                continue;
            }
            try {
                addCustom(new String(source.read(), StandardCharsets.UTF_8), found);
            } catch (IOException | RuntimeException e) {
                // linting reports what cannot be read
            }
        }
        return found;
    }

    /** Drops the findings about references to providers the workers map to classes of their own. */
    static void dropCustom(List<Finding> findings, Map<Finding, List<String>> referring, Set<String> custom) {
        if (referring.isEmpty() || custom.isEmpty()) {
            return;
        }
        Set<Finding> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        referring.forEach((finding, providers) -> {
            if (providers.stream().anyMatch(custom::contains)) {
                dropped.add(finding);
            }
        });
        findings.removeIf(dropped::contains);
    }

    /** Whether a text may declare a provider: the cheap question before the patterns. */
    static boolean mayDeclare(String text) {
        return text.contains("config.providers.") || text.contains("CONFIG_PROVIDERS_");
    }

    /** The provider names a text maps to a class other than Kafka's own, added to {@code found}. */
    static void addCustom(String text, Set<String> found) {
        if (!mayDeclare(text)) {
            return;
        }
        add(PROPERTY.matcher(text), false, found);
        add(ENVIRONMENT.matcher(text), true, found);
    }

    private static void add(Matcher matcher, boolean environment, Set<String> found) {
        while (matcher.find()) {
            String className = matcher.group(2);
            String simple = className.substring(className.lastIndexOf('.') + 1);
            if (!KNOWN_PROVIDERS.contains(simple)) {
                // the compose form names the provider in upper case: CONNECT_CONFIG_PROVIDERS_ENV_CLASS is env
                found.add(environment ? matcher.group(1).toLowerCase(Locale.ROOT) : matcher.group(1));
            }
        }
    }
}
