package io.dbzlint.preflight;

import io.dbzlint.debezium.FilterLists;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.result.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a PostgreSQL connector needs of its server, read with catalog queries only: the WAL level,
 * the role, free slots and senders, the slot (per server, not per database), the publication as
 * Debezium's publication.autocreate.mode will treat it, the captured tables and their replica
 * identity, and the server version. Each check is named after rules/preflight.json.
 */
final class PostgresPreflight {

    static final String PLUGIN = "plugin.name";
    static final String PUBLICATION = "publication.name";
    static final String AUTOCREATE = "publication.autocreate.mode";
    static final String READ_ONLY = "read.only";
    private static final String[] TABLE_KEYS = {"table.include.list", "table.whitelist", "schema.include.list",
        "schema.whitelist"};

    /** A captured table, as the catalog describes it. */
    private record Table(String schema, String name, boolean primaryKey, char replicaIdentity, boolean owned) {
        String qualified() {
            return schema + "." + name;
        }
    }

    private final Connection db;
    private final Report report;
    private final Target target;
    private final Settings settings;
    private final long maxRetainedWal;

    PostgresPreflight(Connection db, Report report, Target target, Settings settings, long maxRetainedWal) {
        this.db = db;
        this.report = report;
        this.target = target;
        this.settings = settings;
        this.maxRetainedWal = maxRetainedWal;
    }

    void run() throws SQLException {
        int version = intQuery("SELECT current_setting('server_version_num')::int");
        String plugin = settings.value(PLUGIN).toLowerCase(Locale.ROOT);
        boolean pgoutput = plugin.equals("pgoutput");
        String where = target.written();
        if (version < 90400) {
            report.add("database-version", "PostgreSQL " + versionName(version) + " on " + where + " has no logical"
                    + " decoding (9.4 and later): Debezium cannot read it", Keys.HOSTNAME);
            return;
        }
        if (pgoutput && version < 100000) {
            report.add("database-version", "plugin.name pgoutput needs PostgreSQL 10 or later (publications);"
                    + " " + where + " runs " + versionName(version) + ": upgrade it, or use decoderbufs", PLUGIN,
                    Keys.HOSTNAME);
        }
        if (settings.value(READ_ONLY).equalsIgnoreCase("true") && version < 130000) {
            report.add("database-version", "read.only=true needs PostgreSQL 13 or later; " + where + " runs "
                    + versionName(version), READ_ONLY);
        }
        String walLevel = stringQuery("SELECT current_setting('wal_level')");
        if (!"logical".equals(walLevel)) {
            report.add("wal-level", "wal_level is " + walLevel + " on " + where + "; logical decoding needs"
                    + " wal_level=logical: set it (rds.logical_replication=1 on RDS) and restart PostgreSQL", Keys.HOSTNAME);
        }
        boolean superuser = role();
        slot(version, plugin);
        if (pgoutput && version >= 100000) {
            List<Table> tables = tables();
            boolean changesPublished = publication(superuser, tables);
            capturedTables(tables);
            if (changesPublished) {
                replicaIdentity(tables);
            }
        } else {
            capturedTables(tables());
        }
    }

    /** Checks the role; says whether it is a superuser (which Debezium's autocreated publication needs). */
    private boolean role() throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("SELECT r.rolcanlogin, r.rolreplication, r.rolsuper,"
                + " EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname IN ('rds_superuser', 'rdsadmin', 'rdsrepladmin',"
                + " 'rds_replication') AND pg_has_role(r.oid, g.oid, 'MEMBER'))"
                + " FROM pg_roles r WHERE r.rolname = current_user");
             ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            boolean login = rs.getBoolean(1);
            boolean replication = rs.getBoolean(2) || rs.getBoolean(3) || rs.getBoolean(4);
            if (!login || !replication) {
                String missing = !login && !replication ? "LOGIN and REPLICATION" : !login ? "LOGIN" : "REPLICATION";
                report.add("replication-role", "role " + quoted(target.user()) + " on " + target.written() + " has no "
                        + missing + " (nor rds_replication): the connector cannot stream; ALTER ROLE "
                        + quoted(target.user()) + " WITH LOGIN REPLICATION", Target.USER);
            }
            return rs.getBoolean(3);
        }
    }

    private void slot(int version, String plugin) throws SQLException {
        String slot = settings.value(Keys.SLOT_NAME);
        String where = target.written();
        try (PreparedStatement statement = db.prepareStatement("SELECT s.plugin, s.slot_type, s.database, s.active,"
                + " s.active_pid, to_jsonb(s) ->> 'wal_status', (to_jsonb(s) ->> 'safe_wal_size')::bigint, "
                + (version >= 100000 ? "pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn()"
                        + " ELSE pg_current_wal_lsn() END, s.restart_lsn)" : "NULL")
                + " FROM pg_replication_slots s WHERE s.slot_name = ?")) {
            statement.setString(1, slot);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    capacity(false);
                    keepSize(version);
                    return;
                }
                String slotPlugin = rs.getString(1);
                String type = rs.getString(2);
                String database = rs.getString(3);
                boolean active = rs.getBoolean(4);
                String walStatus = rs.getString(6);
                long safe = rs.getLong(7);
                boolean safeKnown = !rs.wasNull();
                long retained = rs.getLong(8);
                boolean retainedKnown = !rs.wasNull();
                if (!"logical".equals(type) || !target.database().equals(database) || !plugin.equals(slotPlugin)) {
                    String holder = "logical".equals(type) ? "database " + quoted(database) + " with plugin "
                            + slotPlugin : "physical replication";
                    report.add("replication-slot", "slot.name " + quoted(slot) + " on " + where + " is the slot of "
                            + holder + "; a slot name is one per server, and Debezium looks for it in "
                            + quoted(target.database()) + " with " + plugin + ", does not find it, and fails creating"
                            + " it: give this connector its own slot.name", Keys.SLOT_NAME);
                } else if (active) {
                    report.addLesser("replication-slot", Severity.WARNING, "slot.name " + quoted(slot) + " on " + where
                            + " is read now by process " + rs.getInt(5) + "; another reader is refused while it is"
                            + " active: unless that is this connector, give it its own slot.name", Keys.SLOT_NAME);
                }
                if ("lost".equals(walStatus)) {
                    report.add("replication-slot", "slot.name " + quoted(slot) + " on " + where + " was invalidated"
                            + " (wal_status lost): the WAL it needs is gone and Debezium cannot resume from it; drop"
                            + " the slot and let the connector take a new snapshot", Keys.SLOT_NAME);
                } else if ("unreserved".equals(walStatus)) {
                    report.add("slot-wal-retention", "slot.name " + quoted(slot) + " on " + where + " is unreserved:"
                            + " it holds more WAL than max_slot_wal_keep_size and is about to be invalidated; start its"
                            + " connector, or drop the slot", Keys.SLOT_NAME);
                } else if (safeKnown && safe < maxRetainedWal) {
                    report.add("slot-wal-retention", "slot.name " + quoted(slot) + " on " + where + " is "
                            + bytes(Math.max(0, safe)) + " of WAL away from being invalidated (safe_wal_size under"
                            + " max_slot_wal_keep_size)" + (active ? "" : " and no one reads it") + "; start its"
                            + " connector, or drop the slot", Keys.SLOT_NAME);
                } else if (retainedKnown && retained >= maxRetainedWal) {
                    report.add("slot-wal-retention", "slot.name " + quoted(slot) + " on " + where + " holds back "
                            + bytes(retained) + " of WAL (more than " + bytes(maxRetainedWal) + ")" + (active ? ""
                            : " and no one reads it") + ": the disk fills until its connector catches up; start it,"
                            + " or drop the slot", Keys.SLOT_NAME);
                }
                if (!active) {
                    capacity(true);
                }
                keepSize(version);
            }
        }
    }

    /** Free slots (for a slot still to create) and WAL senders (for any stream to start). */
    private void capacity(boolean slotExists) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("SELECT current_setting('max_replication_slots')::int,"
                + " (SELECT count(*) FROM pg_replication_slots)::int, current_setting('max_wal_senders')::int,"
                + " (SELECT count(*) FROM pg_stat_replication)::int");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            if (!slotExists && rs.getInt(2) >= rs.getInt(1)) {
                report.add("replication-capacity", "every replication slot of " + target.written() + " is taken ("
                        + rs.getInt(2) + " of max_replication_slots " + rs.getInt(1) + "): Debezium cannot create"
                        + " slot " + quoted(settings.value(Keys.SLOT_NAME)) + "; drop unused slots or raise"
                        + " max_replication_slots", Keys.SLOT_NAME, Keys.HOSTNAME);
            }
            if (rs.getInt(4) >= rs.getInt(3)) {
                report.add("replication-capacity", "every WAL sender of " + target.written() + " is busy (" + rs.getInt(4)
                        + " of max_wal_senders " + rs.getInt(3) + "): the connector's stream is refused; raise"
                        + " max_wal_senders", Keys.HOSTNAME);
            }
        }
    }

    private void keepSize(int version) throws SQLException {
        if (version >= 130000 && "-1".equals(stringQuery("SELECT current_setting('max_slot_wal_keep_size')"))) {
            report.add("wal-keep-size", "max_slot_wal_keep_size is unlimited on " + target.written() + ": if this"
                    + " connector stops, slot " + quoted(settings.value(Keys.SLOT_NAME)) + " keeps WAL until the"
                    + " disk is full; set a limit you can hold, and monitor the slot", Keys.SLOT_NAME, Keys.HOSTNAME);
        }
    }

    /**
     * Checks the publication; says whether it publishes (or Debezium's will publish) updates or
     * deletes, which a table without a replica identity then refuses.
     */
    private boolean publication(boolean superuser, List<Table> tables) throws SQLException {
        String name = settings.value(PUBLICATION);
        String mode = settings.value(AUTOCREATE).toLowerCase(Locale.ROOT);
        Boolean allTables = null;
        boolean changesPublished = true;
        try (PreparedStatement statement = db.prepareStatement("SELECT puballtables, pubupdate OR pubdelete"
                + " FROM pg_publication WHERE pubname = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    allTables = rs.getBoolean(1);
                    changesPublished = rs.getBoolean(2);
                }
            }
        }
        String where = target.written();
        List<Table> captured = captured(tables);
        if (allTables == null) {
            switch (mode) {
                case "disabled" -> report.add("publication", "publication " + quoted(name) + " does not exist in "
                        + quoted(target.database()) + " on " + where + ", and publication.autocreate.mode is disabled:"
                        + " Debezium stops at start; create it (CREATE PUBLICATION " + name + " FOR TABLE ...)",
                        PUBLICATION, AUTOCREATE);
                case "filtered", "no_tables" -> {
                    if (!superuser && !booleanQuery("SELECT has_database_privilege(current_database(), 'CREATE')")) {
                        report.add("publication", "publication " + quoted(name) + " does not exist, and role "
                                + quoted(target.user()) + " may not create it (no CREATE on database "
                                + quoted(target.database()) + "): GRANT CREATE ON DATABASE " + target.database()
                                + " TO " + target.user() + ", or create the publication", PUBLICATION, AUTOCREATE);
                    } else if (mode.equals("filtered")) {
                        List<String> notOwned = captured.stream().filter(table -> !table.owned() && !superuser)
                                .map(Table::qualified).toList();
                        if (!notOwned.isEmpty()) {
                            report.add("publication", "publication " + quoted(name) + " does not exist, and role "
                                    + quoted(target.user()) + " may not add " + names(notOwned) + " to it (a table is"
                                    + " added by its owner): create the publication as their owner", PUBLICATION,
                                    AUTOCREATE);
                        }
                    }
                }
                default -> {
                    if (!superuser) {
                        report.add("publication", "publication " + quoted(name) + " does not exist, and Debezium"
                                + " would create it FOR ALL TABLES (publication.autocreate.mode all_tables), which"
                                + " needs a superuser; role " + quoted(target.user()) + " is not one: create the"
                                + " publication, or use publication.autocreate.mode=filtered", PUBLICATION, AUTOCREATE);
                    }
                }
            }
            return true;
        }
        if (allTables && mode.equals("filtered")) {
            report.add("publication", "publication " + quoted(name) + " on " + where + " publishes all tables, and"
                    + " publication.autocreate.mode is filtered: Debezium refuses to narrow it and stops; drop and"
                    + " recreate it, or use all_tables", AUTOCREATE, PUBLICATION);
            return changesPublished;
        }
        if (!allTables && !mode.equals("filtered")) {
            Set<String> published = new HashSet<>();
            try (PreparedStatement statement = db.prepareStatement("SELECT schemaname, tablename FROM"
                    + " pg_publication_tables WHERE pubname = ?")) {
                statement.setString(1, name);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        published.add(rs.getString(1) + "." + rs.getString(2));
                    }
                }
            }
            List<String> missing = captured.stream().map(Table::qualified).filter(table -> !published.contains(table))
                    .toList();
            if (!missing.isEmpty()) {
                report.add("publication-coverage", "publication " + quoted(name) + " does not publish " + names(missing)
                        + ", which the connector captures: their changes never arrive; ALTER PUBLICATION " + name
                        + " ADD TABLE ...", PUBLICATION, "table.include.list");
            }
        }
        return changesPublished;
    }

    /** An include list entry that names no schema or table of the database. */
    private void capturedTables(List<Table> tables) {
        Set<String> schemas = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Table table : tables) {
            schemas.add(table.schema());
            names.add(table.qualified());
        }
        Connector connector = report.connector();
        FilterLists.of(connector, FilterLists.SCHEMA_INCLUDE).ifPresent(list -> list.items().stream()
                .filter(item -> item.valid() && schemas.stream().noneMatch(item::matches))
                .forEach(item -> report.addAt("captured-tables", list.entry().key(), list.locationOf(item),
                        list.entry().key() + " entry " + quoted(item.text()) + " matches no schema with tables in "
                                + quoted(target.database()) + " on " + target.written())));
        FilterLists.of(connector, FilterLists.TABLE_INCLUDE).ifPresent(list -> list.items().stream()
                .filter(item -> item.valid() && names.stream().noneMatch(item::matches))
                .forEach(item -> report.addAt("captured-tables", list.entry().key(), list.locationOf(item),
                        list.entry().key() + " entry " + quoted(item.text()) + " matches no table of "
                                + quoted(target.database()) + " on " + target.written()
                                + " (entries are regular expressions for schema.table)")));
    }

    private void replicaIdentity(List<Table> tables) {
        List<String> without = captured(tables).stream()
                .filter(table -> table.replicaIdentity() == 'n' || table.replicaIdentity() == 'd' && !table.primaryKey())
                .map(Table::qualified).toList();
        if (!without.isEmpty()) {
            report.add("replica-identity", names(without) + " " + (without.size() == 1 ? "has" : "have") + " no primary"
                    + " key and no REPLICA IDENTITY FULL: once published, PostgreSQL refuses UPDATE and DELETE on "
                    + (without.size() == 1 ? "it" : "them") + "; add a key, or ALTER TABLE ... REPLICA IDENTITY FULL",
                    TABLE_KEYS);
        }
    }

    /** The tables the connector's lists keep; none when a list cannot be judged (a reference, a broken expression). */
    private List<Table> captured(List<Table> tables) {
        return tables.stream().filter(table -> FilterLists.captures(report.connector(), table.schema(), table.name())
                .orElse(false)).toList();
    }

    private List<Table> tables() throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT n.nspname, c.relname,"
                + " EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary),"
                + " c.relreplident, pg_has_role(c.relowner, 'USAGE')"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"
                + " ORDER BY 1, 2");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String identity = rs.getString(4);
                tables.add(new Table(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        identity == null || identity.isEmpty() ? 'd' : identity.charAt(0), rs.getBoolean(5)));
            }
        }
        return tables;
    }

    private int intQuery(String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String stringQuery(String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private boolean booleanQuery(String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static String versionName(int versionNum) {
        return versionNum >= 100000 ? versionNum / 10000 + "." + versionNum % 10000
                : versionNum / 10000 + "." + versionNum / 100 % 100 + "." + versionNum % 100;
    }

    static String bytes(long count) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double value = count;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? count + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** Up to ten names, then how many more. */
    static String names(List<String> all) {
        List<String> shown = all.stream().limit(10).map(PostgresPreflight::quoted).toList();
        return String.join(", ", shown) + (all.size() > 10 ? " and " + (all.size() - 10) + " more" : "");
    }

    static String quoted(String text) {
        return io.dbzlint.model.Printable.quote(text);
    }
}
