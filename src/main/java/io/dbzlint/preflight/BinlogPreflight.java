package io.dbzlint.preflight;

import io.dbzlint.debezium.FilterLists;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a MySQL or MariaDB connector needs of its server, read with SHOW and information_schema
 * only: the binlog as BinlogSourceTask checks it (ROW, FULL), retention against the downtime the user
 * accepts, MySQL's GTIDs, the grants of the user and its active roles (and MariaDB's PUBLIC), the server id
 * against the server's own and its replicas', and the captured databases and tables.
 */
final class BinlogPreflight {

    static final String LOCKING = "snapshot.locking.mode";
    static final String SNAPSHOT_MODE = "snapshot.mode";
    static final String READ_ONLY = "read.only";
    private static final Set<String> SYSTEM_DATABASES = Set.of("mysql", "sys", "performance_schema",
            "information_schema");

    private final Connection db;
    private final Report report;
    private final Target target;
    private final Settings settings;
    private final Duration maxDowntime;

    BinlogPreflight(Connection db, Report report, Target target, Settings settings, Duration maxDowntime) {
        this.db = db;
        this.report = report;
        this.target = target;
        this.settings = settings;
        this.maxDowntime = maxDowntime;
    }

    void run() throws SQLException {
        Map<String, String> variables = variables();
        boolean mariadb = variables.getOrDefault("version", "").toLowerCase(Locale.ROOT).contains("mariadb")
                || variables.getOrDefault("version_comment", "").toLowerCase(Locale.ROOT).contains("mariadb");
        String where = target.written();
        boolean streams = !settings.value(SNAPSHOT_MODE).equalsIgnoreCase("initial_only");
        if (!"ON".equalsIgnoreCase(variables.get("log_bin")) && !"1".equals(variables.get("log_bin"))) {
            report.add("binlog", "the binary log is off on " + where + ": Debezium reads changes from it and"
                    + " cannot start; enable log_bin (with binlog_format=ROW, binlog_row_image=FULL) and restart the"
                    + " server", Keys.HOSTNAME);
        } else if (streams) {
            String format = variables.getOrDefault("binlog_format", "");
            if (!format.equalsIgnoreCase("ROW")) {
                report.add("binlog", "binlog_format is " + format + " on " + where + "; Debezium streams only ROW"
                        + " events and refuses to start: set binlog_format=ROW", Keys.HOSTNAME);
            }
            String image = variables.getOrDefault("binlog_row_image", "FULL");
            if (!image.equalsIgnoreCase("FULL")) {
                report.add("binlog", "binlog_row_image is " + image + " on " + where + "; Debezium needs whole rows"
                        + " and refuses to start: set binlog_row_image=FULL", Keys.HOSTNAME);
            }
            retention(variables);
        }
        // MariaDB always has GTIDs (MariaDbConnection.isGtidModeEnabled); MySQL only with gtid_mode=ON
        if (!mariadb && (!"ON".equalsIgnoreCase(variables.get("gtid_mode"))
                || !"ON".equalsIgnoreCase(variables.get("enforce_gtid_consistency")))) {
            if (settings.value(READ_ONLY).equalsIgnoreCase("true")) {
                report.add("binlog", "read.only=true needs GTIDs, and gtid_mode is " + variables.getOrDefault(
                        "gtid_mode", "OFF") + " on " + where + ": Debezium refuses a read-only connection without them;"
                        + " set gtid_mode=ON and enforce_gtid_consistency=ON", READ_ONLY);
            } else {
                report.add("gtid", "GTIDs are off on " + where + " (gtid_mode " + variables.getOrDefault("gtid_mode",
                        "OFF") + "): the connector's position is one server's file and offset, lost in a failover;"
                        + " set gtid_mode=ON and enforce_gtid_consistency=ON", Keys.HOSTNAME);
            }
        }
        Set<String> databases = databases();
        grants(mariadb, databases);
        serverId(variables);
        capturedTables(databases);
    }

    private Map<String, String> variables() throws SQLException {
        Map<String, String> variables = new HashMap<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('log_bin', 'binlog_format', 'binlog_row_image',"
                        + " 'server_id', 'version', 'version_comment', 'gtid_mode', 'enforce_gtid_consistency',"
                        + " 'binlog_expire_logs_seconds', 'expire_logs_days',"
                        + " 'binlog_expire_logs_auto_purge')")) {
            while (rs.next()) {
                variables.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return variables;
    }

    private void retention(Map<String, String> variables) {
        if ("OFF".equalsIgnoreCase(variables.get("binlog_expire_logs_auto_purge"))) {
            return;
        }
        double seconds = number(variables.get("binlog_expire_logs_seconds"));
        String setting = "binlog_expire_logs_seconds";
        if (seconds <= 0) {
            seconds = number(variables.get("expire_logs_days")) * 86_400;
            setting = "expire_logs_days";
        }
        if (seconds > 0 && seconds < maxDowntime.toSeconds()) {
            report.add("binlog-retention", target.written() + " purges binary logs after " + human((long) seconds)
                    + " (" + setting + "), less than the " + human(maxDowntime.toSeconds()) + " the connector may be"
                    + " down (--max-downtime): after a longer outage it cannot resume; keep binlogs longer",
                    Keys.HOSTNAME);
        }
    }

    private void grants(boolean mariadb, Set<String> databases) throws SQLException {
        Grants grants = new Grants();
        List<String> lines = lines("SHOW GRANTS");
        lines.forEach(grants::add);
        String current = single("SELECT CURRENT_ROLE()");
        if (current != null && !current.isBlank() && !current.equalsIgnoreCase("NONE")) {
            if (mariadb) {
                lines("SHOW GRANTS FOR `" + current.replace("`", "``") + "`").forEach(grants::add);
            } else {
                lines("SHOW GRANTS FOR CURRENT_USER() USING " + current).forEach(grants::add);
            }
        }
        if (mariadb) {
            lines("SHOW GRANTS FOR PUBLIC").forEach(grants::add); // 10.11 and later; none before
        }
        List<String> missing = new ArrayList<>();
        if (!grants.has("REPLICATION SLAVE", "REPLICATION REPLICA")) {
            missing.add("REPLICATION SLAVE");
        }
        if (!grants.has("REPLICATION CLIENT", "BINLOG MONITOR", "SUPER")) {
            missing.add(mariadb ? "BINLOG MONITOR" : "REPLICATION CLIENT");
        }
        List<String> unreadable = captured(databases).stream().filter(database -> !grants.canSelect(database)).toList();
        if (!grants.has("SELECT") && (databases.isEmpty() || !unreadable.isEmpty())) {
            missing.add("SELECT");
        }
        String user = PostgresPreflight.quoted(target.user());
        if (!missing.isEmpty()) {
            report.add("replication-grants", "user " + user + " on " + target.written() + " lacks "
                    + String.join(", ", missing) + ": the connector fails reading the binlog; GRANT "
                    + String.join(", ", missing) + " ON *.* TO " + user, Target.USER);
        }
        if (!settings.value(LOCKING).equalsIgnoreCase("none") && !grants.has("RELOAD") && !grants.has("LOCK TABLES")) {
            report.add("snapshot-grants", "user " + user + " on " + target.written() + " has neither RELOAD nor LOCK"
                    + " TABLES, and snapshot.locking.mode " + settings.value(LOCKING) + " locks: the snapshot fails;"
                    + " GRANT RELOAD ON *.* TO " + user + " (LOCK TABLES where RELOAD is not granted)", Target.USER);
        }
    }

    private void serverId(Map<String, String> variables) throws SQLException {
        String id = settings.value(Keys.SERVER_ID);
        if (id.isEmpty() || !id.matches("[0-9]{1,19}") || report.connector().entry(Keys.SERVER_ID).isEmpty()) {
            return; // unset: Debezium picks a random id in 5400-6399
        }
        if (id.equals(variables.get("server_id"))) {
            report.add("server-id-taken", "database.server.id " + id + " is the server_id of " + target.written()
                    + " itself: the binlog client and the server cannot share it; pick a free id", Keys.SERVER_ID);
            return;
        }
        for (String statement : List.of("SHOW REPLICAS", "SHOW REPLICA HOSTS", "SHOW SLAVE HOSTS")) {
            List<Map<String, String>> replicas = rows(statement);
            if (replicas == null) {
                continue; // not this server's statement, or no privilege for it
            }
            for (Map<String, String> replica : replicas) {
                if (id.equals(replica.get("server_id"))) {
                    report.add("server-id-taken", "database.server.id " + id + " is the server id of a replica of "
                            + target.written() + (replica.containsKey("host") ? " (" + replica.get("host") + ")" : "")
                            + ": the server drops one of two clients with one id, so they keep disconnecting each"
                            + " other; pick a free id", Keys.SERVER_ID);
                }
            }
            return;
        }
    }

    private void capturedTables(Set<String> databases) throws SQLException {
        Connector connector = report.connector();
        FilterLists.of(connector, FilterLists.DATABASE_INCLUDE).ifPresent(list -> list.items().stream()
                .filter(item -> item.valid() && databases.stream().noneMatch(item::matches))
                .forEach(item -> report.addAt("captured-tables", list.entry().key(), list.locationOf(item),
                        list.entry().key() + " entry " + PostgresPreflight.quoted(item.text()) + " matches no database"
                                + " on " + target.written() + " that user " + PostgresPreflight.quoted(target.user())
                                + " can see")));
        if (FilterLists.of(connector, FilterLists.TABLE_INCLUDE).isEmpty()) {
            return;
        }
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT table_schema, table_name FROM"
                + " information_schema.tables WHERE table_type = 'BASE TABLE'");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (!SYSTEM_DATABASES.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
                    tables.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        FilterLists.of(connector, FilterLists.TABLE_INCLUDE).ifPresent(list -> list.items().stream()
                .filter(item -> item.valid() && tables.stream().noneMatch(item::matches))
                .forEach(item -> report.addAt("captured-tables", list.entry().key(), list.locationOf(item),
                        list.entry().key() + " entry " + PostgresPreflight.quoted(item.text()) + " matches no table on "
                                + target.written() + " that user " + PostgresPreflight.quoted(target.user())
                                + " can see (entries are regular expressions for database.table)")));
    }

    /** The databases the user can see, system ones left out. */
    private Set<String> databases() throws SQLException {
        Set<String> databases = new HashSet<>();
        for (String name : lines("SELECT schema_name FROM information_schema.schemata")) {
            if (!SYSTEM_DATABASES.contains(name.toLowerCase(Locale.ROOT))) {
                databases.add(name);
            }
        }
        return databases;
    }

    /** The databases the connector's database lists keep, of those there are. */
    private List<String> captured(Set<String> databases) {
        return databases.stream().filter(database -> {
            var include = FilterLists.of(report.connector(), FilterLists.DATABASE_INCLUDE);
            var exclude = FilterLists.of(report.connector(), FilterLists.DATABASE_EXCLUDE);
            return include.map(list -> list.anyMatches(database)).orElse(true)
                    && !exclude.map(list -> list.anyMatches(database)).orElse(false);
        }).sorted().toList();
    }

    /** The first column of every row; none when the statement is not this server's. */
    private List<String> lines(String sql) {
        List<String> lines = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return List.of();
        }
        return lines;
    }

    private String single(String sql) {
        List<String> lines = lines(sql);
        return lines.isEmpty() ? null : lines.get(0);
    }

    /** Every row by lower-case column label; null when the statement fails. */
    private List<Map<String, String>> rows(String sql) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            return null;
        }
        return rows;
    }

    private static double number(String text) {
        try {
            return text == null ? 0 : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String human(long seconds) {
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + (seconds == 86_400 ? " day" : " days");
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " minutes";
        }
        return seconds + " seconds";
    }
}
