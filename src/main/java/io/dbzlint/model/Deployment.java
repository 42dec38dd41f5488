package io.dbzlint.model;

/**
 * Where a connector runs: the connectors applied to one Kafka Connect cluster (or run by one
 * Debezium Server), inferred from how a repository lays them out, with the evidence. Connectors
 * of different deployments never share a connector name, topics or a Kafka cluster; a database
 * server they name is the same only when its host name means the same machine from both.
 *
 * <p>{@code equals} and {@code hashCode} are written out for start-up (see ClaimGroups.Key).
 *
 * @param name how reports and {@code dbzlint deployments} name it: {@code .} for the repository as
 *     a whole, else the folder or file that makes it one
 * @param evidence why the connectors of this deployment were grouped, in a few words
 * @param stack the stack it belongs to, by the deployment of the layout (a compose project, an
 *     environment, the repository): the network its host names are resolved in and the Kafka
 *     cluster it writes to. Strimzi KafkaConnect clusters and Debezium Servers of one stack share
 *     them, and with them database servers named without a domain and topic names.
 * @param declared whether the project config names it ({@code deployments:}), which beats anything
 *     inferred: then even the examples of a documentation page in it are compared
 * @param version the Debezium release line the repository says it runs ({@code 2.1}), or null
 * @param versionEvidence where the repository says so ({@code demo/docker-compose.yml:
 *     quay.io/debezium/connect:2.1}), or null
 * @param postgresImage where the stack runs Debezium's own PostgreSQL image, which ships the
 *     decoderbufs plugin ({@code docker-compose.yml: debezium/postgres:13}), or null
 * @param namedReleases the release lines the project runs elsewhere when it runs several and none
 *     is nearer ({@code 1.9}, {@code 2.1}): the one a config is for is among them; else empty
 * @param mirror whether its connectors are a live cluster's, seen from this deployment of the
 *     repository to be compared with its connectors: they are linted in their cluster's own
 *     deployment, so what a comparison finds on them here is not reported
 * @param compose whether its stack is a compose project's: a Kubernetes resource beside it (a
 *     Strimzi KafkaConnector) is applied to a Kubernetes cluster, never to the compose stack's Kafka
 * @param alternative for one of several alternative compose stacks of a folder, run one at a time
 *     ({@code iris/docker-compose-flink.yaml} beside {@code iris/docker-compose-spark.yaml}): its
 *     compose file; for the configs of such a folder named for none of them, the folder
 *     ({@code iris/}); else null. The connectors of two alternatives never run together, not even on
 *     one database server
 */
public record Deployment(String name, String evidence, String stack, boolean declared, String version,
                         String versionEvidence, String postgresImage, java.util.List<String> namedReleases,
                         boolean mirror, boolean compose, String alternative) {

    /** How {@link #postgresImage} ends for a project's own PostgreSQL build that installs wal2json. */
    public static final String INSTALLS_WAL2JSON = ": a build that installs wal2json";

    /**
     * Whether the stack's PostgreSQL is known to ship a logical decoding plugin: decoderbufs in
     * Debezium's image (or a build that installs it), wal2json in a build that installs it.
     */
    public boolean postgresShips(String plugin) {
        if (postgresImage == null) {
            return false;
        }
        boolean wal2jsonBuild = postgresImage.endsWith(INSTALLS_WAL2JSON);
        return plugin.equalsIgnoreCase("wal2json") ? wal2jsonBuild || debeziumImageWithWal2json(postgresImage)
                : plugin.equalsIgnoreCase("decoderbufs") && !wal2jsonBuild;
    }

    /**
     * Debezium's PostgreSQL image up to PostgreSQL 14 builds wal2json beside decoderbufs
     * (debezium/container-images postgres/14/Dockerfile; 15 and later build decoderbufs alone), and
     * so do the example images of Debezium 1.x, which are built on them.
     */
    private static final java.util.regex.Pattern WAL2JSON_IMAGE = java.util.regex.Pattern.compile(
            "debezium/postgres:(?:9\\.\\d+|1[0-4])(?![\\d.])|debezium/example-postgres:[01]\\.\\d+");

    private static boolean debeziumImageWithWal2json(String image) {
        return WAL2JSON_IMAGE.matcher(image).find();
    }

    public Deployment {
        namedReleases = java.util.List.copyOf(namedReleases);
    }

    public Deployment(String name, String evidence, String stack, boolean declared, String version,
                      String versionEvidence, String postgresImage, java.util.List<String> namedReleases) {
        this(name, evidence, stack, declared, version, versionEvidence, postgresImage, namedReleases, false, false,
                null);
    }

    /**
     * A Kafka Connect cluster read live: the connectors it runs, a deployment of their own.
     *
     * @param cluster how findings name it ({@code connect.example.com:8083})
     * @param kafka its Kafka cluster's id, or null: clusters writing to one Kafka share topic names
     */
    public static Deployment cluster(String cluster, String url, String kafka) {
        String name = "connect://" + cluster;
        return new Deployment(name, "deployed on the Kafka Connect cluster at " + url,
                kafka == null || kafka.isEmpty() ? name : "kafka cluster " + kafka, true, null, null, null,
                java.util.List.of());
    }

    /** This deployment as a cluster's connectors are seen from it, to be compared with its own (see mirror). */
    public Deployment mirrored() {
        return new Deployment(name, evidence, stack, declared, version, versionEvidence, postgresImage, namedReleases,
                true, compose, alternative);
    }

    /**
     * The same deployment, its stack a compose project's.
     *
     * @param alternativeFile the alternative it is of a folder of several stacks (see alternative), or null
     */
    public Deployment onCompose(String alternativeFile) {
        return new Deployment(name, evidence, stack, declared, version, versionEvidence, postgresImage, namedReleases,
                mirror, true, alternativeFile);
    }

    /** Whether this deployment and another run on two alternative stacks of one folder, never together. */
    public boolean alternativeTo(Deployment other) {
        if (alternative == null || other.alternative == null || alternative.equals(other.alternative)) {
            return false;
        }
        return alternative.substring(0, alternative.lastIndexOf('/') + 1)
                .equals(other.alternative.substring(0, other.alternative.lastIndexOf('/') + 1));
    }

    /**
     * How version evidence that names a pre-release of its line ends ({@code 2.0.0.Beta1}): such a
     * release may still read keys its line's final release no longer does.
     */
    public static final String PRE_RELEASE = " (a pre-release)";

    private static final java.util.regex.Pattern RELEASE_LINE = java.util.regex.Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\b.*");

    /**
     * Whether the release this deployment runs is one of a line before major.minor (0.9 before 0.10,
     * older than any catalogued release); false when it names none.
     */
    public boolean runsOlderThan(int major, int minor) {
        java.util.regex.Matcher line = version == null ? null : RELEASE_LINE.matcher(version.trim());
        if (line == null || !line.matches()) {
            return false;
        }
        int ownMajor = Integer.parseInt(line.group(1));
        return ownMajor < major || ownMajor == major && Integer.parseInt(line.group(2)) < minor;
    }

    /** Whether the release this deployment runs is a pre-release of its line (see {@link #PRE_RELEASE}). */
    public boolean runsAPreRelease() {
        return version != null && versionEvidence != null && versionEvidence.contains(PRE_RELEASE);
    }

    /** The whole run as one cluster: where nothing in the layout says otherwise. */
    public static final Deployment REPOSITORY = new Deployment(".", "no compose project, environment folder or"
            + " documentation page separates these configs");

    /** A deployment of the layout (a compose project, an environment, a page): a stack of its own. */
    public Deployment(String name, String evidence) {
        this(name, evidence, name, false, null, null, null, java.util.List.of());
    }

    /** A deployment inferred within a stack (a Strimzi cluster, a Debezium Server). */
    public Deployment(String name, String evidence, String stack) {
        this(name, evidence, stack, false, null, null, null, java.util.List.of());
    }

    /** The same deployment, running the Debezium release line the repository names. */
    public Deployment running(String release, String where) {
        return new Deployment(name, evidence, stack, declared, release, where, postgresImage, java.util.List.of(),
                mirror, compose, alternative);
    }

    /** The same deployment, its stack running Debezium's PostgreSQL image (where says so). */
    public Deployment withPostgresImage(String where) {
        return new Deployment(name, evidence, stack, declared, version, versionEvidence, where, namedReleases,
                mirror, compose, alternative);
    }

    /** Another deployment within this one's stack (a Strimzi cluster, a page's example), as it runs. */
    public Deployment inside(String otherName, String otherEvidence, String otherStack) {
        return new Deployment(otherName, otherEvidence, otherStack, false, version, versionEvidence, postgresImage,
                namedReleases, false, compose && otherStack.equals(stack), otherStack.equals(stack) ? alternative : null);
    }

    /** The same deployment, in a project that runs several release lines, none of them nearer. */
    public Deployment amongReleases(java.util.List<String> lines) {
        return new Deployment(name, evidence, stack, declared, null, null, postgresImage, lines, mirror, compose,
                alternative);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Deployment that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
