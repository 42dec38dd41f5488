package io.dbzlint.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Config keys the rules read. Where Debezium renamed a key in 2.0, the 2.x+ name comes first and
 * the 1.x name second; rules read whichever is set, so both generations mix freely.
 */
public final class Keys {

    public static final String NAME = "name";
    public static final String CONNECTOR_CLASS = "connector.class";
    public static final String SERVER_ID = "database.server.id";
    public static final String HOSTNAME = "database.hostname";
    public static final String PORT = "database.port";
    public static final String DBNAME = "database.dbname";
    public static final String SLOT_NAME = "slot.name";
    public static final String PLUGIN_NAME = "plugin.name";
    public static final String TRANSFORMS = "transforms";

    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String SERVER_NAME_1X = "database.server.name";
    public static final List<String> LOGICAL_NAME = List.of(TOPIC_PREFIX, SERVER_NAME_1X);

    public static final String HISTORY = "schema.history.internal";
    public static final String HISTORY_1X = "database.history";
    public static final String HISTORY_TOPIC = "schema.history.internal.kafka.topic";
    public static final String HISTORY_TOPIC_1X = "database.history.kafka.topic";
    public static final String HISTORY_SERVERS = "schema.history.internal.kafka.bootstrap.servers";
    public static final String HISTORY_SERVERS_1X = "database.history.kafka.bootstrap.servers";
    public static final List<String> HISTORY_TOPICS = List.of(HISTORY_TOPIC, HISTORY_TOPIC_1X);

    private Keys() {
    }

    /** True when a config is written with Debezium 1.x names, judged by its logical name key. */
    public static boolean uses1xNames(Connector connector) {
        return connector.entry(TOPIC_PREFIX).isEmpty()
                && (connector.entry(SERVER_NAME_1X).isPresent() || connector.entry(HISTORY_TOPIC_1X).isPresent());
    }

    /**
     * Whether a key is a note: JSON has no comments, so keys stand in for them: "_comment", "_case",
     * "//", or a note word alone or before the key it describes ("comment_database.hostname",
     * "note.slot.name", "description"). No Debezium or Kafka key starts with an underscore or one of
     * these words, so none is a misspelling of one, and nothing reads one: not a key to judge, nor a
     * secret, nor one whose repeat loses a value.
     */
    public static boolean isNote(String key) {
        return key.startsWith("_") || key.startsWith("//") || key.startsWith("#") || NOTE_WORD.matcher(key).matches();
    }

    private static final Pattern NOTE_WORD = Pattern.compile(
            "(?i)(comments?|notes?|remarks?|descriptions?|explanation)([._:-].*)?");
}
