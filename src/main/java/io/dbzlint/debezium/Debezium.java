package io.dbzlint.debezium;

/**
 * What dbzlint knows of Debezium: the property catalog of the newest bundled release (keys,
 * types, renames, SMTs) and what each older release line reads. Rules reach it through their
 * {@code RuleContext}, never through a global; each part is read on first use, so a lint for the
 * newest release never loads the release catalog.
 */
public final class Debezium {

    /**
     * The newest release dbzlint bundles, the default target: the release the generated catalog
     * was made from, so a new Debezium release needs only the pom and regenerated data.
     */
    public static final DebeziumVersion LATEST = DebeziumVersion.parse(Catalog.DEBEZIUM_VERSION);

    private static final Debezium BUNDLED = new Debezium();

    private Debezium() {
    }

    /** The knowledge bundled in dbzlint's jar. */
    public static Debezium bundled() {
        return BUNDLED;
    }

    /** The newest release's properties, renames and SMTs. */
    public Catalog catalog() {
        return Catalog.bundled();
    }

    /** Which keys and values each release line reads, for targets older than {@link #LATEST}. */
    public ReleaseCatalog releases() {
        return ReleaseCatalog.bundled();
    }
}
