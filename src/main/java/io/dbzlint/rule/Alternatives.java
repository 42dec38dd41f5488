package io.dbzlint.rule;

import io.dbzlint.model.InputId;
import io.dbzlint.model.ScriptBranches;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connectors that are alternatives of one another rather than connectors that run together, so
 * that no cross-connector rule compares them (and, by the requests that apply them, which
 * configs are versions of one connector: {@link #versionsOfOne}):
 * <ul>
 *   <li>sibling folders of one deployment where one connector name stands for two different
 *       connectors (another class, another database), as a catalog of per-database examples or a
 *       tutorial's lessons has them: Kafka Connect holds one connector per name, so such configs
 *       are never applied together;</li>
 *   <li>the branches of one shell script: bodies posted in two arms of an {@code if} or a
 *       {@code case} (inline, or as {@code -d @file}) are one or the other in each run;</li>
 *   <li>the configs of two alternative compose stacks of one folder
 *       ({@code docker-compose-mysql.yaml}, {@code docker-compose-postgres.yaml}), run one at a time.</li>
 * </ul>
 */
public final class Alternatives {

    /** Nothing is an alternative of anything. */
    public static final Alternatives NONE = new Alternatives(Set.of(), Map.of(), Map.of(), Set.of());

    /** Parents, as deployment name and folder ("" for the project root), whose child folders are alternatives. */
    private final Set<String> parents;
    /** The branches of each shell script that has any. */
    private final Map<InputId, ScriptBranches> scripts;
    /** The places scripts post each file from, by the file's project path. */
    private final Map<String, List<Origin>> posted;
    /** The files scripts post only in commented-out commands, by project path: toggled-off alternatives. */
    private final Set<String> toggledOff;

    /**
     * A place in a script: the script and the arms it is in, and the connector a
     * {@code PUT /connectors/NAME/config} there sends the file to (null for another request).
     */
    private record Origin(InputId script, long[] path, String connector) {
    }

    private Alternatives(Set<String> parents, Map<InputId, ScriptBranches> scripts, Map<String, List<Origin>> posted,
                         Set<String> toggledOff) {
        this.parents = parents;
        this.scripts = scripts;
        this.posted = posted;
        this.toggledOff = toggledOff;
    }

    /**
     * @param clashes the pairs of sites that one name gives to two different connectors: each pair
     *     in two child folders of one parent makes that parent's children alternatives
     * @param scripts the shell scripts' branches and uploads
     */
    public static Alternatives of(List<Claim.Site[]> clashes, Map<InputId, ScriptBranches> scripts) {
        Set<String> parents = new HashSet<>();
        for (Claim.Site[] clash : clashes) {
            String a = folder(clash[0]);
            String b = folder(clash[1]);
            if (a == null || b == null || a.equals(b) || !clash[0].deployment().equals(clash[1].deployment())) {
                continue;
            }
            String parent = parent(a);
            if (parent.equals(parent(b))) {
                parents.add(clash[0].deployment().name() + "\u0000" + parent);
            }
        }
        Map<String, List<Origin>> posted = new HashMap<>();
        Set<String> commented = new HashSet<>();
        for (Map.Entry<InputId, ScriptBranches> script : scripts.entrySet()) {
            String folder = script.getKey().projectPath() == null ? null : folderOf(script.getKey().projectPath());
            for (String file : script.getValue().commentedOut()) {
                if (folder != null) {
                    commented.add(resolve(folder, file));
                    commented.add(resolve("", file));
                }
            }
            for (ScriptBranches.Post post : script.getValue().posts()) {
                if (folder == null) {
                    continue;
                }
                // curl run in the script's folder, or from the project root as a README says
                Set<String> files = new HashSet<>();
                files.add(resolve(folder, post.file()));
                files.add(resolve("", post.file()));
                files.remove(null);
                for (String file : files) {
                    posted.computeIfAbsent(file, f -> new ArrayList<>()).add(new Origin(script.getKey(), post.path(),
                            post.connector()));
                }
            }
        }
        commented.remove(null);
        commented.removeAll(posted.keySet()); // posted by a command that runs too: applied, not toggled off
        return parents.isEmpty() && scripts.isEmpty() ? NONE
                : new Alternatives(parents, Map.copyOf(scripts), posted, Set.copyOf(commented));
    }

    /**
     * Whether a claim can be an alternative of any other: it runs on one of a folder's alternative
     * compose stacks, is in a folder whose siblings are alternatives, in a script with branches, or in
     * a file a script posts. When not, {@link #apart}
     * is false for it and every other claim, which a group of thousands need not ask pair by pair.
     */
    public boolean involves(Claim.Site site) {
        if (site.deployment().alternative() != null) {
            return true;
        }
        if (this == NONE) {
            return false;
        }
        InputId input = site.location().input();
        if (scripts.containsKey(input) || input.projectPath() != null && (posted.containsKey(input.projectPath())
                || toggledOff.contains(input.projectPath()))) {
            return true;
        }
        String folder = parents.isEmpty() ? null : folder(site);
        return folder != null && parents.contains(site.deployment().name() + "\u0000" + parent(folder));
    }

    /**
     * True when two claims are alternatives: on alternative compose stacks, in sibling folders that
     * hold alternatives, or in exclusive branches of one script.
     */
    public boolean apart(Claim.Site one, Claim.Site other) {
        return one.deployment().alternativeTo(other.deployment()) || inAlternativeFolders(one, other)
                || inExclusiveBranches(one, other) || toggledOff(one) || toggledOff(other);
    }

    /**
     * Whether a site is a file that scripts post only in commands they comment out: a body toggled
     * off in favour of what they post (as a body on a commented-out line stands alone).
     */
    private boolean toggledOff(Claim.Site site) {
        String path = site.location().input().projectPath();
        return path != null && toggledOff.contains(path);
    }

    /**
     * Whether one script applies the two claims only in exclusive branches: every place it applies
     * one (its own line, or an upload of its file) excludes every place it applies the other.
     */
    private boolean inExclusiveBranches(Claim.Site one, Claim.Site other) {
        if (scripts.isEmpty()) {
            return false;
        }
        List<Origin> a = origins(one);
        List<Origin> b = origins(other);
        for (Origin first : a) {
            ScriptBranches branches = scripts.get(first.script());
            List<Origin> sameScript = b.stream().filter(o -> o.script().equals(first.script())).toList();
            if (sameScript.isEmpty()) {
                continue;
            }
            boolean exclusive = true;
            for (Origin mine : a) {
                for (Origin theirs : sameScript) {
                    exclusive &= !mine.script().equals(theirs.script()) || branches.exclusive(mine.path(), theirs.path());
                }
            }
            if (exclusive) {
                return true;
            }
        }
        return false;
    }

    /** Where scripts apply a claim: its own line in a script, or each upload of its file. */
    private List<Origin> origins(Claim.Site site) {
        InputId input = site.location().input();
        ScriptBranches branches = scripts.get(input);
        if (branches != null) {
            return List.of(new Origin(input, branches.pathAt(site.location().line()), null));
        }
        return input.projectPath() == null ? List.of() : posted.getOrDefault(input.projectPath(), List.of());
    }

    /**
     * Whether two sites are versions of one connector by the requests that apply them: one script
     * or page sends both under one name, one of them with {@code PUT /connectors/NAME/config}
     * (a failover to a replica, a reconfiguration). A file sent that way is NAME's config, as Kafka
     * Connect takes it, whatever the file calls itself; the versions replace one another in turn
     * and never run together.
     */
    public boolean versionsOfOne(Claim.Site one, Claim.Site other) {
        if (posted.isEmpty()) {
            return false;
        }
        for (Origin mine : origins(one)) {
            for (Origin theirs : origins(other)) {
                if ((mine.connector() != null || theirs.connector() != null) && mine.script().equals(theirs.script())
                        && (mine.connector() != null ? mine.connector() : one.connector())
                                .equals(theirs.connector() != null ? theirs.connector() : other.connector())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a collision between two claims is one the repository leaves in doubt: one is a
     * connector file that nothing in the repository posts, and the other is applied (a request
     * written in a script, a request file or a compose command, or a file a script posts), or is such
     * a file too where the repository's scripts post others by name. A scratch variant or an older version left beside the posted
     * config looks just like that; so does a second connector posted by hand. Reported, then, as
     * what it may be (a warning).
     */
    public boolean unsure(Claim.Site one, Claim.Site other) {
        boolean looseOne = loose(one);
        boolean looseOther = loose(other);
        // two files nothing posts are in doubt only where the repository posts others by name
        return looseOne && (looseOther && !posted.isEmpty() || applied(other)) || looseOther && applied(one);
    }

    /**
     * Whether any collision within a group can be in doubt: a member is a file nothing posts, and
     * another is applied or the repository posts files by name. Asked once per group, so that a
     * fleet of generated configs is not compared pair by pair.
     */
    public boolean mayBeUnsure(List<? extends Claim> group) {
        boolean anyLoose = false;
        boolean anyApplied = false;
        for (Claim member : group) {
            anyLoose |= loose(member.site());
            anyApplied |= !anyApplied && applied(member.site());
            if (anyLoose && (anyApplied || !posted.isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /** What a message adds for a collision {@link #unsure} with every other: which file nothing posts. */
    public String unsureNote(Claim.Site site, List<? extends Claim> others) {
        Claim.Site loose = loose(site) ? site : others.get(0).site();
        return " (nothing in the repository posts " + loose.location().input().stablePath()
                + ", while it applies others: taken as run together, though it may be a copy left aside)";
    }

    /**
     * Whether a claim's connector is applied as the repository has it: a request written in a script,
     * a request file or a compose file's command, or a file a script posts.
     */
    private boolean applied(Claim.Site site) {
        InputId input = site.location().input();
        return input.format() == io.dbzlint.model.InputFormat.SHELL || input.format() == io.dbzlint.model.InputFormat.HTTP
                || input.format() == io.dbzlint.model.InputFormat.YAML && isComposeFile(input.projectPath())
                || input.projectPath() != null && posted.containsKey(input.projectPath());
    }

    /** docker-compose.yml, docker-compose-final.yaml, compose.yaml: a connector in one is posted by a service's command. */
    private static boolean isComposeFile(String projectPath) {
        if (projectPath == null) {
            return false;
        }
        String name = projectPath.substring(projectPath.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return name.startsWith("docker-compose") || name.startsWith("compose.");
    }

    private boolean loose(Claim.Site site) {
        InputId input = site.location().input();
        return input.format() == io.dbzlint.model.InputFormat.JSON && input.projectPath() != null
                && !posted.containsKey(input.projectPath());
    }

    private boolean inAlternativeFolders(Claim.Site one, Claim.Site other) {
        if (parents.isEmpty() || !one.deployment().equals(other.deployment())) {
            return false;
        }
        String a = folder(one);
        String b = folder(other);
        if (a == null || b == null || a.equals(b)) {
            return false;
        }
        String parent = parent(a);
        return parent.equals(parent(b)) && parents.contains(one.deployment().name() + "\u0000" + parent);
    }

    /** The project folder of a site's file, "" for the root; null when the file is not the project's. */
    private static String folder(Claim.Site site) {
        String path = site.location().input().projectPath();
        return path == null ? null : folderOf(path);
    }

    private static String folderOf(String projectPath) {
        int slash = projectPath.lastIndexOf('/');
        return slash < 0 ? "" : projectPath.substring(0, slash);
    }

    /** A path written in a script, taken from the script's folder as curl run there takes it. */
    static String resolve(String folder, String written) {
        return InputId.resolve(folder, written);
    }

    /** The parent of a folder; a file at the root has none ("\u0000", never a parent of another). */
    private static String parent(String folder) {
        if (folder.isEmpty()) {
            return "\u0000";
        }
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }
}
