package io.dbzlint.model;

import java.util.List;
import java.util.Set;

/**
 * The branches of one shell script, as far as they tell which lines one run of it never reaches
 * together: the arms of an {@code if}/{@code elif}/{@code else} or a {@code case}, and what follows
 * a conditional one of whose arms ends the script with {@code exit}. Also the files the script
 * (or a page's command) posts with curl ({@code -d @file}), on which line, and under which
 * connector name when the request is a {@code PUT /connectors/NAME/config}. A deploy script that
 * posts one of two bodies by an argument applies one of them, never both.
 */
public final class ScriptBranches {

    /** Nothing known: every line may run with every other. */
    public static final ScriptBranches NONE = new ScriptBranches(new long[0][], Set.of(), List.of());

    /** The arm of what follows a conditional one of whose arms exits. */
    static final int REST = Integer.MAX_VALUE;

    /** Per line (index line - 1), the arms it is in, outermost first, each as conditional id << 32 | arm. */
    private final long[][] paths;
    /** The arms that end the script, as conditional id << 32 | arm. */
    private final Set<Long> exiting;
    private final List<Post> posts;
    /** The names of the files the script appends to ({@code cat >> application.properties}), without folders. */
    private final Set<String> appends;
    /** The files its commented-out commands post ({@code # curl ... -d @other.json}), as written. */
    private final Set<String> commentedOut;

    /**
     * A file a script posts as a request body.
     *
     * @param file the path as written after the {@code @}, relative to where the script runs
     * @param line the line of the command
     * @param path the arms the command is in, as {@link #pathAt} gives them
     * @param connector the connector NAME of a {@code PUT /connectors/NAME/config} the command sends
     *     the file to: the file is a version of that connector's config; null for any other request
     */
    public record Post(String file, int line, long[] path, String connector) {

        public Post(String file, int line, long[] path) {
            this(file, line, path, null);
        }

        /** The same upload, sent to PUT /connectors/NAME/config. */
        public Post named(String name) {
            return new Post(file, line, path, name);
        }
    }

    public ScriptBranches(long[][] paths, Set<Long> exiting, List<Post> posts) {
        this(paths, exiting, posts, Set.of());
    }

    public ScriptBranches(long[][] paths, Set<Long> exiting, List<Post> posts, Set<String> appends) {
        this(paths, exiting, posts, appends, Set.of());
    }

    private ScriptBranches(long[][] paths, Set<Long> exiting, List<Post> posts, Set<String> appends,
                           Set<String> commentedOut) {
        this.paths = paths;
        this.exiting = Set.copyOf(exiting);
        this.posts = List.copyOf(posts);
        this.appends = Set.copyOf(appends);
        this.commentedOut = Set.copyOf(commentedOut);
    }

    /** The same, knowing the files the script appends to. */
    public ScriptBranches appending(Set<String> names) {
        return names.isEmpty() ? this : new ScriptBranches(paths, exiting, posts, names, commentedOut);
    }

    /** The same, knowing the files its commented-out commands post. */
    public ScriptBranches commentingOut(Set<String> files) {
        return files.isEmpty() ? this : new ScriptBranches(paths, exiting, posts, appends, files);
    }

    /**
     * The files the script's commented-out commands post ({@code # curl ... -d @debezium-pg.json}):
     * a body toggled off in favour of the one it posts, an alternative of it.
     */
    public Set<String> commentedOut() {
        return commentedOut;
    }

    /**
     * The names of the files the script appends lines to ({@code cat >> application.properties <<EOF},
     * {@code echo k=v >> conf/app.properties}): a config of that name in the project may be
     * completed by it, so what it leaves out is not known to be missing.
     */
    public Set<String> appends() {
        return appends;
    }

    /** An arm as a path element. */
    public static long arm(int conditional, int arm) {
        return (long) conditional << 32 | (arm & 0xffffffffL);
    }

    /** The element for what follows a conditional with an exiting arm. */
    public static long rest(int conditional) {
        return arm(conditional, REST);
    }

    public List<Post> posts() {
        return posts;
    }

    /** Whether this knows nothing: no line in a branch and no posted file. */
    public boolean isEmpty() {
        if (!posts.isEmpty() || !appends.isEmpty() || !commentedOut.isEmpty()) {
            return false;
        }
        for (long[] path : paths) {
            if (path != null && path.length > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two lines are never run by one invocation: they are in different arms of one
     * conditional, or one follows a conditional whose arm holding the other exits.
     */
    public boolean exclusive(int lineA, int lineB) {
        return exclusive(pathAt(lineA), pathAt(lineB));
    }

    /** Whether two places, by the arms they are in, are never run by one invocation. */
    public boolean exclusive(long[] a, long[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] == b[i]) {
                continue;
            }
            if (a[i] >>> 32 != b[i] >>> 32) {
                return false; // two conditionals one after the other: both may run
            }
            int armA = (int) a[i];
            int armB = (int) b[i];
            if (armA == REST) {
                return exiting.contains(b[i]);
            }
            if (armB == REST) {
                return exiting.contains(a[i]);
            }
            return true;
        }
        return false;
    }

    /** The arms a line is in, outermost first, as the line starts. */
    public long[] pathAt(int line) {
        return line >= 1 && line <= paths.length && paths[line - 1] != null ? paths[line - 1] : new long[0];
    }
}
