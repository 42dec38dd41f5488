package io.dbzlint.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.Deployment;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the configs of compose projects run: a folder's one stack, or one of its alternative stacks. */
class DeploymentsTest {

    @TempDir
    Path repo;

    private Deployments deployments;

    private Deployment deploymentOf(String config) throws IOException {
        Path file = repo.resolve(config);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        if (deployments == null) {
            deployments = new Deployments(repo, id -> Optional.empty());
        }
        return deployments.of(new InputId(config, config, InputFormat.JSON));
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static final String STACK = "services:\n  connect:\n    image: quay.io/debezium/connect:2.4\n";

    @Test
    void should_take_a_compose_file_of_a_variant_name_for_a_compose_project() throws IOException {
        write("a/docker-compose-mysql.yaml", STACK);
        write("b/docker-compose.flink.yml", STACK);
        write("c/compose-dev.yaml", STACK);
        write("d/kafka-compose.yml", STACK);
        write("e/docker-compose-embedded-mysql-embedded-kafka.yaml", STACK);

        for (String folder : new String[] {"a", "b", "c", "d", "e"}) {
            Deployment deployment = deploymentOf(folder + "/register.json");
            assertThat(deployment.name()).isEqualTo(folder + "/");
            assertThat(deployment.evidence()).startsWith("a compose project (" + folder + "/");
            assertThat(deployment.stack()).isEqualTo(folder + "/");
        }
        assertThat(deploymentOf("f/register.json").name()).as("no compose file").isEqualTo(".");
    }

    @Test
    void should_run_a_folder_s_configs_on_the_compose_stack_its_scripts_start_elsewhere() throws IOException {
        write("infra/docker-compose_simple.yaml", STACK.replace("2.4", "2.3"));
        write("infra/docker-compose-avro.yaml", STACK);
        write("examples/simple/setup_infra.sh",
                "#!/bin/bash\ndocker-compose -f \"${PWD}/../../infra/docker-compose_simple.yaml\" up -d\n");
        write("examples/simple/destroy_infra.sh", "docker-compose -f ../../infra/docker-compose_simple.yaml down\n");
        write("examples/routing/Makefile", "up:\n\tdocker compose --file=../../infra/docker-compose_simple.yaml up\n");
        write("examples/avro/setup.sh", "docker compose -f $(pwd)/../../infra/docker-compose-avro.yaml up\n");
        write("examples/both/setup.sh", "docker compose -f ../../infra/docker-compose-avro.yaml up\n"
                + "docker compose -f ../../infra/docker-compose_simple.yaml up\n");
        write("examples/outside/setup.sh", "docker compose -f ../../../elsewhere/compose.yaml up\n");

        Deployment simple = deploymentOf("examples/simple/connectors/orders.json");
        assertThat(simple.name()).isEqualTo("infra/docker-compose_simple.yaml");
        assertThat(simple.evidence()).isEqualTo("the compose stack infra/docker-compose_simple.yaml that"
                + " examples/simple/setup_infra.sh starts");
        assertThat(simple.version()).isEqualTo("2.3");
        assertThat(deploymentOf("examples/routing/routed.json").stack()).as("another folder on the same stack")
                .isEqualTo(simple.stack());
        assertThat(deploymentOf("examples/avro/connectors/orders.json").stack()).isEqualTo("infra/docker-compose-avro.yaml");
        assertThat(deploymentOf("examples/both/orders.json").name()).as("two stacks: neither is known").isEqualTo(".");
        assertThat(deploymentOf("examples/outside/orders.json").name()).as("out of the project").isEqualTo(".");
    }

    @Test
    void should_run_a_config_on_the_connect_service_its_name_carries_where_each_joins_its_own_kafka()
            throws IOException {
        // a comment in UTF-8 ("—", "ğ"): read as YAML, not as ISO-8859-1 text
        write("docker-compose.yaml", "# two sites — gebze and ankara, each its own Kafka (bağımsız)\nservices:\n"
                + "  debezium-gebze:\n    image: quay.io/debezium/connect:3.0.0.Final\n"
                + "    environment:\n      BOOTSTRAP_SERVERS: kafka-gebze:19092\n"
                + "  debezium-ankara:\n    image: quay.io/debezium/connect:3.0.0.Final\n"
                + "    environment:\n      - BOOTSTRAP_SERVERS=kafka-ankara:19092\n");

        Deployment gebze = deploymentOf("connectors/source-postgres-gebze.json");
        Deployment ankara = deploymentOf("connectors/source-postgres-ankara.json");

        assertThat(gebze.stack()).isNotEqualTo(ankara.stack());
        assertThat(gebze.evidence()).contains("its Connect service debezium-gebze", "kafka-gebze:19092");
        assertThat(deploymentOf("connectors/sink-gebze.json").stack()).isEqualTo(gebze.stack());
        assertThat(deploymentOf("connectors/shared.json").stack()).as("names neither").isEqualTo(".");
    }

    @Test
    void should_put_each_config_on_the_alternative_stack_its_name_carries() throws IOException {
        write("iris/docker-compose-flink.yaml", STACK);
        write("iris/docker-compose-spark.yaml", STACK);

        Deployment flink = deploymentOf("iris/register-postgres-flink.json");
        Deployment spark = deploymentOf("iris/register-postgres-spark.json");
        Deployment below = deploymentOf("iris/spark-job/connector.json");

        assertThat(flink.name()).isEqualTo("iris/docker-compose-flink.yaml");
        assertThat(flink.evidence()).isEqualTo("one of 2 alternative compose stacks of iris/, run one at a time:"
                + " the configs named for flink run on it");
        assertThat(spark.name()).isEqualTo("iris/docker-compose-spark.yaml");
        assertThat(flink.stack()).as("another network, another Kafka").isNotEqualTo(spark.stack());
        assertThat(below).as("a folder below the stacks' names it").isEqualTo(spark);
    }

    @Test
    void should_keep_a_config_named_for_none_of_several_stacks_apart_from_their_own() throws IOException {
        write("demo/docker-compose-mysql.yaml", STACK);
        write("demo/docker-compose-postgres.yaml", STACK);

        Deployment none = deploymentOf("demo/es-sink.json");

        assertThat(none.name()).isEqualTo("demo/");
        assertThat(none.evidence()).contains("alternative compose stacks (mysql, postgres)")
                .contains("compared with none of the stacks' own configs");
        assertThat(none).isNotEqualTo(deploymentOf("demo/mysql-source.json"))
                .isNotEqualTo(deploymentOf("demo/pgsql-source.json"));
        assertThat(deploymentOf("demo/pgsql-source.json").name()).as("one database, however a file spells it")
                .isEqualTo("demo/docker-compose-postgres.yaml");
        assertThat(none.alternativeTo(deploymentOf("demo/mysql-source.json"))).as("not even on one server").isTrue();
        assertThat(deploymentOf("demo/mysql-source.json").alternativeTo(deploymentOf("demo/pgsql-source.json")))
                .isTrue();
        assertThat(none.alternativeTo(deploymentOf("demo/other-sink.json"))).isFalse();
    }

    @Test
    void should_prefer_the_stack_whose_name_the_config_carries_most_of() throws IOException {
        write("tutorial/docker-compose-mysql.yaml", STACK);
        write("tutorial/docker-compose-mysql-apicurio.yaml", STACK);
        write("tutorial/docker-compose-mysql-avro-worker.yaml", STACK);

        assertThat(deploymentOf("tutorial/register-mysql.json").name()).isEqualTo("tutorial/docker-compose-mysql.yaml");
        assertThat(deploymentOf("tutorial/register-mysql-apicurio-converter-avro.json").name())
                .isEqualTo("tutorial/docker-compose-mysql-apicurio.yaml");
        assertThat(deploymentOf("tutorial/register-mysql-avro.json").name())
                .isEqualTo("tutorial/docker-compose-mysql-avro-worker.yaml");
    }

    @Test
    void should_put_configs_named_for_no_variant_on_the_base_stack() throws IOException {
        write("unwrap/docker-compose.yaml", STACK);
        write("unwrap/docker-compose-es.yaml", STACK);
        write("unwrap/docker-compose-jdbc.yaml", STACK);

        Deployment source = deploymentOf("unwrap/source.json");

        assertThat(source.name()).isEqualTo("unwrap/");
        assertThat(source.evidence()).isEqualTo("a compose project (unwrap/docker-compose.yaml), for the configs named"
                + " for none of the folder's alternative stacks (es, jdbc)");
        assertThat(deploymentOf("unwrap/jdbc-sink.json").name()).isEqualTo("unwrap/docker-compose-jdbc.yaml");
        assertThat(source.alternativeTo(deploymentOf("unwrap/jdbc-sink.json")))
                .as("the base stack's configs are posted to the others too").isFalse();
    }

    @Test
    void should_take_an_override_file_for_part_of_its_base_stack() throws IOException {
        write("failover/docker-compose.yml", STACK);
        write("failover/docker-compose.override.yml", "services:\n  connect:\n    ports: ['8083:8083']\n");
        write("replicas/docker-compose-mongodb-replicas.yaml", STACK);
        write("replicas/docker-compose-override.yaml", "services: {}\n");

        assertThat(deploymentOf("failover/override-connector.json").name()).isEqualTo("failover/");
        assertThat(deploymentOf("replicas/register-mongodb.json").evidence())
                .isEqualTo("a compose project (replicas/docker-compose-mongodb-replicas.yaml)");
    }

    @Test
    void should_split_alternative_stacks_at_the_root_too() throws IOException {
        write("docker-compose-flink.yaml", STACK);
        write("docker-compose-spark.yaml", STACK);

        assertThat(deploymentOf("register-flink.json").name()).isEqualTo("docker-compose-flink.yaml");
        assertThat(deploymentOf("register-spark.json").name()).isEqualTo("docker-compose-spark.yaml");
        assertThat(deploymentOf("connectors/other.json").name()).isEqualTo(".");
    }

    @Test
    void should_read_each_alternative_stack_at_its_own_release() throws IOException {
        write("demo/docker-compose-old.yaml", "services:\n  connect:\n    image: debezium/connect:1.9\n");
        write("demo/docker-compose-new.yaml", "services:\n  connect:\n    image: debezium/connect:2.7\n");

        assertThat(deploymentOf("demo/register-old.json").version()).isEqualTo("1.9");
        assertThat(deploymentOf("demo/register-new.json").version()).isEqualTo("2.7");
        Deployment none = deploymentOf("demo/register.json");
        assertThat(none.version()).as("a config named for neither runs on one of them").isNull();
        assertThat(none.namedReleases()).containsExactly("1.9", "2.7");
    }

    @Test
    void should_not_take_the_release_of_an_alternative_stack_for_the_base_stack_whose_connect_names_none()
            throws IOException {
        write("docker-compose.yml", "services:\n  connect:\n    image: quay.io/debezium/connect:${DEBEZIUM_VERSION}\n");
        write("docker-compose-confluentinc.yml", "services:\n  connect:\n    image: debezium/connect:1.4\n");

        Deployment base = deploymentOf("register-postgres.json");

        assertThat(base.evidence()).startsWith("a compose project (docker-compose.yml)");
        assertThat(base.version()).as("the base stack's Connect names no release it sets").isNull();
        assertThat(deploymentOf("register-postgres-confluentinc.json").version()).isEqualTo("1.4");
    }

    @Test
    void should_tell_a_kubernetes_resource_beside_a_compose_stack_by_its_stack() throws IOException {
        write("docker-compose.yaml", STACK);

        Deployment file = deploymentOf("debezium/030-connector.yaml");
        Deployment alone = new Deployments(repo.resolve("debezium"), id -> Optional.empty())
                .of(new InputId("030-connector.yaml", "030-connector.yaml", InputFormat.YAML));

        assertThat(file.compose()).isTrue();
        assertThat(file.evidence()).isEqualTo("the repository's compose project (docker-compose.yaml)");
        assertThat(alone.compose()).as("no compose project").isFalse();
    }

    @Test
    void should_not_put_a_config_on_a_stack_that_runs_no_kafka_connect() throws IOException {
        // the PostgreSQL stack of a CQRS demo runs its databases only; the source is posted to the others
        write("cqrs/docker-compose-postgres.yaml", "services:\n  postgres:\n    build: ./postgres-primary\n");
        write("cqrs/postgres-primary/Dockerfile", "FROM postgres:17\n");
        String withConnect = "services:\n  connect:\n    image: debezium/connect-questdb\n    build: ./connect\n"
                + "  postgres:\n    image: quay.io/debezium/example-postgres:${DEBEZIUM_VERSION}\n";
        write("cqrs/docker-compose-mysql.yaml", withConnect);
        write("cqrs/docker-compose-questdb.yaml", withConnect);
        write("cqrs/connect/Dockerfile", "ARG DEBEZIUM_VERSION\nFROM quay.io/debezium/connect:$DEBEZIUM_VERSION\n");

        Deployment source = deploymentOf("cqrs/postgres-source.json");

        assertThat(source.name()).isEqualTo("cqrs/");
        assertThat(source.evidence()).contains("compared with none of the stacks' own configs");
        assertThat(source.postgresImage()).as("both stacks it may be posted to run Debezium's image")
                .isEqualTo("cqrs/docker-compose-mysql.yaml: quay.io/debezium/example-postgres:${DEBEZIUM_VERSION}");
        assertThat(deploymentOf("cqrs/mysql-sink.json").name()).isEqualTo("cqrs/docker-compose-mysql.yaml");
    }

    @Test
    void should_read_a_page_named_for_none_of_the_stacks_at_its_folders_other_files() throws IOException {
        // demo-os.md walks through the OpenShift path that os-setup.sh sets up, not the compose stacks
        write("live/os-setup.sh", "export DEBEZIUM_VERSION=1.8\n");
        write("live/docker-compose-mysql.yaml", "services:\n  connect:\n    image: debezium/connect:2.1\n");
        write("live/docker-compose-postgres.yaml", "services:\n  connect:\n    image: debezium/connect:2.1\n");
        write("live/demo-os.md", "```\n{\"name\": \"mysql-source\"}\n```\n");

        Deployment page = new Deployments(repo, id -> Optional.empty())
                .of(new InputId("live/demo-os.md", "live/demo-os.md", InputFormat.MARKDOWN));

        assertThat(page.version()).isEqualTo("1.8");
        assertThat(deploymentOf("live/mysql-source.json").version()).isEqualTo("2.1");
    }

    @Test
    void should_run_a_page_s_examples_on_the_stack_the_page_itself_starts() throws IOException {
        // the folder runs 1.8; the README walks through a stack of its own, in a YAML block, on 2.0
        write("docker-compose.yaml", "services:\n  connect:\n    image: debezium/connect:1.8\n");
        write("README.md", "```yaml\nservices:\n  connect:\n    image: quay.io/debezium/connect:2.0\n```\n"
                + "```json\n{\"name\": \"dataops\"}\n```\nUpgrading from debezium/connect:1.9 is covered below.\n");
        write("OTHER.md", "Upgrading from debezium/connect:1.9 is covered below.\n");

        Deployments all = new Deployments(repo, id -> Optional.empty());
        Deployment readme = all.of(new InputId("README.md", "README.md", InputFormat.MARKDOWN));
        Deployment other = all.of(new InputId("OTHER.md", "OTHER.md", InputFormat.MARKDOWN));

        assertThat(readme.version()).isEqualTo("2.0");
        assertThat(readme.versionEvidence()).contains("the page's own stack");
        assertThat(other.version()).as("prose naming an image starts nothing").isEqualTo("1.8");
        assertThat(deploymentOf("register.json").version()).isEqualTo("1.8");
    }

    @Test
    void should_run_a_config_on_the_alternative_stacks_that_post_it_whatever_its_name_carries() throws IOException {
        // the base stacks' connector-sender posts config/mysql_config.json; the mysql variant runs another release
        String sender = "  connector-sender:\n    image: curlimages/curl\n    command: >\n"
                + "      sh -c \"curl -X POST connect:8083/connectors/ -d @mysql_config.json\"\n";
        write("docker-compose.yaml", "services:\n  connect:\n    image: debezium/connect:1.8\n" + sender);
        write("docker-compose-mysql.yaml", "services:\n  connect:\n    image: debezium/connect:2.7\n");

        Deployment posted = deploymentOf("config/mysql_config.json");
        Deployment named = deploymentOf("config/register-mysql.json");

        assertThat(posted.version()).isEqualTo("1.8");
        assertThat(named.version()).isEqualTo("2.7");
        assertThat(named.name()).isEqualTo("docker-compose-mysql.yaml");
    }

    @Test
    void should_run_a_config_on_the_alternative_stack_that_mounts_its_folder() throws IOException {
        // debezium/connectors/ carries the token of docker-compose-debezium.yml, but docker-compose.yml mounts it
        write("docker-compose.yml", "services:\n  connect:\n    image: debezium/connect:2.4\n    volumes:\n"
                + "      - ./debezium/connectors:/etc/debezium/connectors\n");
        write("docker-compose-debezium.yml", "services:\n  connect:\n    image: debezium/connect:2.5\n");

        Deployment mounted = deploymentOf("debezium/connectors/postgres-source.json");

        assertThat(mounted.version()).isEqualTo("2.4");
        assertThat(mounted.evidence()).contains("which posts or mounts this config");
    }
}
