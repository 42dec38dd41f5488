package io.dbzlint.deploy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The compose files of one folder. {@code docker-compose.yml} and {@code compose.yaml} are compose's
 * standard names; {@code docker-compose-mysql.yaml}, {@code docker-compose.flink.yml},
 * {@code compose-dev.yaml} and {@code kafka-compose.yml} name a variant. Several stacks in one folder
 * are alternatives, run one at a time ({@code docker compose -f docker-compose-mysql.yaml up}): a
 * config belongs to the one whose distinguishing name token its path below the folder carries
 * ({@code register-mysql.json}). An override file ({@code docker-compose.override.yml}) is part of
 * its base stack, not an alternative. Only names are looked at, never through a link.
 *
 * @param folder the folder, project-relative ("" for the root)
 * @param stacks the stacks, the base (a standard name) first; empty when the folder holds none
 * @param overrides the override files, which compose adds to the base stack
 */
record ComposeFolder(String folder, List<Stack> stacks, List<String> overrides) {

    /**
     * One stack of the folder.
     *
     * @param file its compose file's name
     * @param tokens the tokens of its name that tell it from the folder's other stacks; empty for the base
     * @param plain whether its name carries only tokens every other stack's carries too
     *     (docker-compose-mysql.yaml beside docker-compose-mysql-avro.yaml): it is the one of a
     *     config that names none of the others
     */
    record Stack(String file, Set<String> tokens, boolean plain) {

        boolean base() {
            return tokens.isEmpty();
        }

        /** Its variant as people name it: "mysql", "mysql-avro". */
        String variant() {
            return String.join("-", tokens);
        }
    }

    static final ComposeFolder NONE = new ComposeFolder("", List.of(), List.of());

    /** Compose's standard names, in the order they are named when a folder holds several. */
    private static final List<String> STANDARD = List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml",
            "compose.yaml");
    /** Words every compose file's name may carry, which tell no variant apart. */
    private static final Set<String> NEUTRAL = Set.of("docker", "compose", "override");
    /** One database, however a file names it. */
    private static final Map<String, String> ALIASES = Map.of("postgresql", "postgres", "pgsql", "postgres",
            "pg", "postgres", "psql", "postgres", "mongo", "mongodb", "mssql", "sqlserver", "maria", "mariadb");

    boolean isEmpty() {
        return stacks.isEmpty();
    }

    /** Whether the folder holds several stacks, run one at a time. */
    boolean alternatives() {
        return stacks.size() > 1;
    }

    /** The folder as messages name it: "" for the root, else ending in /. */
    String shown() {
        return folder.isEmpty() ? "" : folder + "/";
    }

    /** The compose files of a stack, as compose reads them: the base with its overrides. */
    List<String> filesOf(Stack stack) {
        if (!stack.base() && alternatives()) {
            return List.of(stack.file());
        }
        List<String> files = new ArrayList<>();
        files.add(stack.file());
        files.addAll(overrides);
        return files;
    }

    /**
     * The stack a config of the folder (or below it) belongs to: the folder's one stack; of several,
     * of those that run connectors, the one whose distinguishing tokens its path below the folder
     * carries most of (and fewest others), else the base; null when it names none of several and
     * there is no base.
     *
     * @param below the config's path below the folder ({@code register-postgres-flink.json})
     * @param runsConnectors whether a stack runs a Kafka Connect: one that runs none (a database of a
     *     failover demo) is not where a config named for its database is posted, unless no stack runs one
     */
    Stack stackOf(String below, Predicate<Stack> runsConnectors) {
        if (stacks.size() <= 1) {
            return stacks.isEmpty() ? null : stacks.get(0);
        }
        Predicate<Stack> candidate = stacks.stream().anyMatch(runsConnectors) ? runsConnectors : stack -> true;
        int dot = below.lastIndexOf('.');
        Set<String> carried = tokens(dot > below.lastIndexOf('/') + 1 ? below.substring(0, dot) : below);
        Stack best = best(carried, false, candidate);
        best = best != null ? best : best(carried, true, candidate);
        return best != null ? best : stacks.get(0).base() && candidate.test(stacks.get(0)) ? stacks.get(0) : null;
    }

    /** Of the candidate stacks plain or not, the one whose tokens a config carries most of, and fewest others; or null. */
    private Stack best(Set<String> carried, boolean plain, Predicate<Stack> candidate) {
        Stack best = null;
        int bestCarried = 0;
        int bestMissing = 0;
        for (Stack stack : stacks) {
            if (stack.base() || stack.plain() != plain || !candidate.test(stack)) {
                continue;
            }
            int has = (int) stack.tokens().stream().filter(carried::contains).count();
            int missing = stack.tokens().size() - has;
            if (has > bestCarried || has > 0 && has == bestCarried && missing < bestMissing) {
                best = stack;
                bestCarried = has;
                bestMissing = missing;
            }
        }
        return best;
    }

    /** The compose files of a folder; none for a folder that is not one, or unreadable. */
    static ComposeFolder of(Path dir, String folder) {
        List<String> standard = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        List<String> variants = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String variant = variantOf(name);
                if (variant == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (variant.isEmpty()) {
                    standard.add(name);
                } else if (rawTokens(variant).contains("override")) {
                    overrides.add(name);
                } else {
                    variants.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        standard.sort(Comparator.comparingInt(name -> {
            int at = STANDARD.indexOf(name.toLowerCase(Locale.ROOT));
            return at < 0 ? STANDARD.size() : at;
        }));
        variants.sort(null);
        overrides.sort(null);
        if (standard.isEmpty() && variants.isEmpty() && !overrides.isEmpty()) {
            standard.add(overrides.remove(0)); // an override of nothing here is the stack itself
        }
        List<Stack> stacks = new ArrayList<>();
        if (!standard.isEmpty()) {
            stacks.add(new Stack(standard.get(0), Set.of(), false));
        }
        if (variants.size() == 1 && stacks.isEmpty()) {
            stacks.add(new Stack(variants.get(0), Set.of(), false)); // the folder's one stack, whatever its name
        } else if (!variants.isEmpty()) {
            stacks.addAll(distinguished(variants));
        }
        return stacks.isEmpty() ? NONE : new ComposeFolder(folder, List.copyOf(stacks), List.copyOf(overrides));
    }

    /**
     * Each variant with the tokens of its name that not every variant carries; one whose name carries
     * nothing else keeps its tokens and is plain.
     */
    private static List<Stack> distinguished(List<String> files) {
        List<Set<String>> all = files.stream().map(file -> tokens(variantOf(file))).toList();
        Set<String> common = new HashSet<>(all.get(0));
        all.forEach(common::retainAll);
        List<Stack> stacks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Set<String> own = new LinkedHashSet<>(all.get(i));
            own.removeAll(common);
            // a name of neutral words only (docker-compose-docker.yml) stays apart, named by its file
            Set<String> tokens = !own.isEmpty() ? own : !all.get(i).isEmpty() ? all.get(i)
                    : Set.of(files.get(i).toLowerCase(Locale.ROOT));
            stacks.add(new Stack(files.get(i), tokens, own.isEmpty()));
        }
        return stacks;
    }

    /**
     * A compose file's variant: "" for a standard name, the rest of the name for one such as
     * docker-compose-mysql.yaml ("mysql") or kafka-compose.yml ("kafka"); null for any other file.
     */
    static String variantOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !(name.endsWith(".yml") || name.endsWith(".yaml"))) {
            return null;
        }
        String base = name.substring(0, dot);
        for (String tool : List.of("docker-compose", "compose")) {
            if (base.equals(tool)) {
                return "";
            }
            if (base.startsWith(tool) && isSeparator(base, tool.length())) {
                return base.substring(tool.length() + 1);
            }
            if (base.endsWith(tool) && isSeparator(base, base.length() - tool.length() - 1)) {
                return base.substring(0, base.length() - tool.length() - 1);
            }
        }
        return null;
    }

    private static boolean isSeparator(String text, int at) {
        return at >= 0 && at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '.'
                || text.charAt(at) == '_');
    }

    private static List<String> rawTokens(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
    }

    /** The words of a name that may tell a variant, one word per database however it is spelt. */
    static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!token.isEmpty() && !NEUTRAL.contains(token)) {
                tokens.add(ALIASES.getOrDefault(token, token));
            }
        }
        return tokens;
    }

    /** How evidence names the folder's variants: "mysql, postgres" or "cassandra, db2, ifx, kafka-cluster, …". */
    String variants() {
        List<String> names = stacks.stream().filter(stack -> !stack.base()).map(Stack::variant).toList();
        return names.size() <= 6 ? String.join(", ", names)
                : names.stream().limit(5).collect(Collectors.joining(", ")) + ", …";
    }
}
