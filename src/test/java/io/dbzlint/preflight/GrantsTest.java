package io.dbzlint.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The lines of SHOW GRANTS as MySQL 8 and MariaDB write them (MySQL's from its reference manual,
 * MariaDB's as 10.11 answered the live test), read into privileges and roles.
 */
class GrantsTest {

    private static Grants of(String... lines) {
        Grants grants = new Grants();
        for (String line : lines) {
            grants.add(line);
        }
        return grants;
    }

    @Test
    void should_read_mysql_8_global_dynamic_and_role_grants() {
        Grants grants = of("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO"
                        + " `debezium`@`%`",
                "GRANT BACKUP_ADMIN,SYSTEM_VARIABLES_ADMIN ON *.* TO `debezium`@`%`",
                "GRANT `cdc_reader`@`%`,`auditor`@`%` TO `debezium`@`%`");

        assertThat(grants.has("REPLICATION SLAVE", "REPLICATION REPLICA")).isTrue();
        assertThat(grants.has("REPLICATION CLIENT", "BINLOG MONITOR")).isTrue();
        assertThat(grants.has("BACKUP_ADMIN")).isTrue();
        assertThat(grants.has("LOCK TABLES")).isFalse();
        assertThat(grants.roles()).containsExactly("`cdc_reader`@`%`", "`auditor`@`%`");
    }

    @Test
    void should_take_all_privileges_for_every_privilege_and_database_grants_for_select_only_there() {
        assertThat(of("GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION")
                .has("REPLICATION SLAVE")).isTrue();
        assertThat(of("GRANT ALL ON *.* TO `a`@`%`").has("RELOAD")).isTrue();

        Grants perDatabase = of("GRANT USAGE ON *.* TO `d`@`%`",
                "GRANT SELECT, INSERT ON `inventory`.* TO `d`@`%`",
                "GRANT SELECT (`id`, `total`), UPDATE (`total`) ON `shop`.`orders` TO `d`@`%`",
                "GRANT EXECUTE ON PROCEDURE `inventory`.`p` TO `d`@`%`");
        assertThat(perDatabase.canSelect("inventory")).isTrue();
        assertThat(perDatabase.canSelect("shop")).isFalse();
        assertThat(perDatabase.has("SELECT")).isFalse();
        assertThat(perDatabase.has("USAGE")).isTrue();
    }

    @Test
    void should_read_mariadb_lines_with_a_password_hash_roles_and_public() {
        Grants grants = of("GRANT `cdc` TO `dbz`@`%`",
                "GRANT SELECT ON *.* TO `dbz`@`%` IDENTIFIED BY PASSWORD '*3E37AF99C403572FF7CC53D335BE336E52569EBF'",
                "GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `cdc`",
                "GRANT RELOAD ON *.* TO PUBLIC",
                "SET DEFAULT ROLE `cdc` FOR `dbz`@`%`");

        assertThat(grants.has("SELECT")).isTrue();
        assertThat(grants.has("REPLICATION CLIENT", "BINLOG MONITOR")).isTrue();
        assertThat(grants.has("RELOAD")).isTrue();
        assertThat(grants.roles()).containsExactly("`cdc`");
    }

    @Test
    void should_not_read_a_keyword_inside_a_quoted_name() {
        Grants grants = of("GRANT SELECT ON `to on`.* TO `x`@`%`");

        assertThat(grants.canSelect("to on")).isTrue();
        assertThat(grants.has("SELECT")).isFalse();
    }
}
