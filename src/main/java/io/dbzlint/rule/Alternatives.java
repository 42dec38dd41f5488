package io.dbzlint.rule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folders that hold alternatives of one another rather than connectors that run together: sibling
 * folders of one deployment where one connector name stands for two different connectors (another
 * class, another database), as a catalog of per-database examples or a tutorial's lessons has
 * them. Kafka Connect holds one connector per name, so such configs are never applied together:
 * connectors in different folders of such a parent are not compared.
 */
public final class Alternatives {

    /** No folder holds alternatives. */
    public static final Alternatives NONE = new Alternatives(Set.of());

    /** Parents, as deployment name and folder ("" for the project root), whose child folders are alternatives. */
    private final Set<String> parents;

    private Alternatives(Set<String> parents) {
        this.parents = parents;
    }

    /**
     * From the pairs of sites that one name gives to two different connectors: each pair in two
     * child folders of one parent makes that parent's children alternatives.
     */
    public static Alternatives of(List<Claim.Site[]> clashes) {
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
        return parents.isEmpty() ? NONE : new Alternatives(parents);
    }

    /** True when two claims sit in different child folders of a parent whose children are alternatives. */
    public boolean apart(Claim.Site one, Claim.Site other) {
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
        if (path == null) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
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
