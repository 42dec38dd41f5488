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

/** The Debezium release a deployment runs, read from the files a repository starts its stacks with. */
class ReleaseEvidenceTest {

    @TempDir
    Path repo;

    private Deployment deploymentOf(String config) throws IOException {
        Path file = repo.resolve(config);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        return new Deployments(repo, id -> Optional.empty()).of(new InputId(config, config, InputFormat.JSON));
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void should_read_the_image_of_a_compose_file() throws IOException {
        write("docker-compose.yml", "services:\n  connect:\n    image: quay.io/debezium/connect:2.3.4.Final\n");

        assertThat(deploymentOf("connectors/orders.json").version()).isEqualTo("2.3");
    }

    @Test
    void should_not_read_an_image_that_is_commented_out() throws IOException {
        write("docker-compose.yml", "services:\n  connect:\n    #image: debezium/connect:1.9.5.Final\n"
                + "    image: debezium/connect:2.7\n");
        write("k8s/connect.yaml", "  # image: debezium/connect:1.4\n");

        assertThat(deploymentOf("connectors/orders.json").version()).isEqualTo("2.7");
    }

    @Test
    void should_read_the_debezium_version_build_argument_and_environment_files() throws IOException {
        write("deploy/docker-compose.yml", "services:\n  connect:\n    build:\n      args:\n"
                + "        DEBEZIUM_VERSION: 2.1.0.Alpha1\n");
        write("other/Dockerfile", "FROM eclipse-temurin:17\nENV DEBEZIUM_VERSION 1.7.0.Final\n");
        write("third/.env", "DEBEZIUM_VERSION=3.0\n");

        assertThat(deploymentOf("deploy/register.json").version()).isEqualTo("2.1");
        assertThat(deploymentOf("other/register.json").version()).isEqualTo("1.7");
        assertThat(deploymentOf("third/register.json").version()).isEqualTo("3.0");
    }

    @Test
    void should_read_a_projects_own_release_variable_in_an_environment_template() throws IOException {
        write("env.template", "AWS_REGION=eu-west-1\nDEBEZIUM_CONNECTOR_VERSION=2.3.0.Final\n");

        assertThat(deploymentOf("connectors/orders.json").version()).isEqualTo("2.3");
    }

    @Test
    void should_prefer_an_image_to_a_version_variable_of_the_same_folder() throws IOException {
        write("stack/.env", "DEBEZIUM_VERSION=1.9\n");
        write("stack/docker-compose.yml", "services:\n  connect:\n    image: debezium/connect:2.4\n");

        assertThat(deploymentOf("stack/connector.json").version()).isEqualTo("2.4");
    }

    @Test
    void should_read_a_plugin_by_its_file_name() throws IOException {
        write("connect/Dockerfile", "FROM confluentinc/cp-kafka-connect:7.0.0\nRUN wget https://example.org/"
                + "debezium-connector-postgres-1.4.2.Final-plugin.tar.gz\n");

        assertThat(deploymentOf("connect/register.json").version()).isEqualTo("1.4");
    }

    @Test
    void should_read_a_docker_run_on_a_page_but_not_prose() throws IOException {
        write("tutorial/NOTES.md", "Start Connect:\n\n    docker run -it --rm --name connect debezium/connect:0.5\n");
        write("README.md", "dbzlint reads the release from an image (`quay.io/debezium/connect:2.1`).\n");

        assertThat(deploymentOf("tutorial/register.json").version()).isEqualTo("0.5");
        assertThat(deploymentOf("elsewhere/register.json").version())
                .as("the one runtime of the project, from the tutorial; the README's prose names none")
                .isEqualTo("0.5");
    }

    @Test
    void should_prefer_a_runtime_anywhere_to_a_build_up_the_path() throws IOException {
        // an application embedding Debezium 2.7 beside scripts posting to a Connect of 1.9
        write("sink/pom.xml", "<dependency><groupId>io.debezium</groupId><artifactId>debezium-core</artifactId>"
                + "<version>2.7.0.Final</version></dependency>");
        write("k8s/connect.yaml", "spec:\n  image: debezium/connect:1.9.2.Final\n");

        assertThat(deploymentOf("sink/deploy/setup.json").version()).isEqualTo("1.9");
    }

    @Test
    void should_name_no_release_where_the_project_runs_several() throws IOException {
        write("sink/pom.xml", "<dependency><groupId>io.debezium</groupId><artifactId>debezium-core</artifactId>"
                + "<version>2.7.0.Final</version></dependency>");
        write("a/docker-compose.yml", "services:\n  connect:\n    image: debezium/connect:1.9\n");
        write("b/docker-compose.yml", "services:\n  connect:\n    image: debezium/connect:2.1\n");

        assertThat(deploymentOf("sink/deploy/setup.json").version()).isNull();
        assertThat(deploymentOf("b/register.json").version()).isEqualTo("2.1");
    }

    @Test
    void should_read_the_release_of_the_debezium_jars_a_repository_keeps() throws IOException {
        write("kafka-connect/jars/debezium-postgres/debezium-connector-postgres-2.3.2.Final.jar", "");
        write("kafka-connect/jars/debezium-postgres/debezium-core-2.3.2.Final.jar", "");
        write("kafka-connect/jars/debezium-postgres/postgresql-42.6.0.jar", "");

        Deployment deployment = deploymentOf("connectors/orders.yaml");

        assertThat(deployment.version()).isEqualTo("2.3");
        assertThat(deployment.versionEvidence()).contains("debezium-connector-postgres-2.3.2.Final.jar");
    }

    @Test
    void should_name_every_release_of_the_jars_a_plugin_folder_keeps() throws IOException {
        write("jars/debezium-postgres/debezium-connector-postgres-1.8.1.Final.jar", "");
        write("jars/debezium-postgres/debezium-connector-postgres-2.3.2.Final.jar", "");
        write("jars/debezium-mysql/debezium-connector-mysql-2.3.2.Final.jar", "");

        Deployment deployment = deploymentOf("connectors/orders.yaml");

        assertThat(deployment.version()).isNull();
        assertThat(deployment.namedReleases()).containsExactly("1.8", "2.3");
    }

    @Test
    void should_not_search_a_folder_of_data() throws IOException {
        write("stack/docker-compose.yml", "services:\n  connect:\n    image: debezium/connect:2.1\n");
        write("fleet/docker-compose.yml", "services:\n  connect:\n    image: debezium/connect:1.9\n");
        for (int i = 0; i < ReleaseEvidence.MAX_ENTRIES; i++) {
            Files.writeString(repo.resolve("fleet/c" + i + ".json"), "{}");
        }

        // the fleet's folder is data: its compose file is not one more release the project runs
        assertThat(deploymentOf("other/orders.json").version()).isEqualTo("2.1");
    }

    @Test
    void should_use_a_build_where_nothing_runs_a_stack() throws IOException {
        write("app/build.gradle", "implementation 'io.debezium:debezium-embedded:2.5.1.Final'\n");

        assertThat(deploymentOf("app/src/main/resources/connector.json").version()).isEqualTo("2.5");
    }

    @Test
    void should_read_an_export_and_a_docker_run_continued_over_lines_on_a_page() throws IOException {
        write("a/README.md", "Set the release:\n\n    export DEBEZIUM_VERSION=1.1\n");
        write("b/README.md", "Run the server:\n\n    docker run -it --rm \\\n      -v $PWD/conf:/debezium/conf \\\n"
                + "      quay.io/debezium/server:2.5.1.Final\n");
        write("c/README.md", "The server image is quay.io/debezium/server:2.7, and we run it\n");

        assertThat(deploymentOf("a/register.json").version()).isEqualTo("1.1");
        assertThat(deploymentOf("b/application.json").version()).isEqualTo("2.5");
        assertThat(deploymentOf("c/application.json").version()).as("prose, no command").isNotEqualTo("2.7");
    }

    @Test
    void should_read_a_plugin_download_or_install_on_a_page_but_not_a_link_in_prose() throws IOException {
        write("a/README.md", "Install the plugin:\n\n> wget https://repo1.maven.org/maven2/io/debezium/"
                + "debezium-connector-mysql/0.8.3.Final/debezium-connector-mysql-0.8.3.Final-plugin.tar.gz\n");
        write("b/README.md", "```\nconfluent-hub install --no-prompt debezium/debezium-connector-postgresql:1.9.6\n```\n");
        write("c/README.md", "See [the plugin](https://repo1.maven.org/maven2/io/debezium/debezium-connector-mysql/"
                + "2.7.0.Final/debezium-connector-mysql-2.7.0.Final-plugin.tar.gz) for curl users.\n");

        assertThat(deploymentOf("a/register.json").version()).isEqualTo("0.8");
        assertThat(deploymentOf("b/register.json").version()).isEqualTo("1.9");
        assertThat(deploymentOf("c/register.json").version()).as("a link in prose, no command").isNotEqualTo("2.7");
    }

    @Test
    void should_not_lend_one_compose_projects_release_to_a_stack_whose_connect_names_none() throws IOException {
        write("bigdata/debezium/Dockerfile", "FROM debezium/connect:3.5\n");
        write("bigdata/debezium/compose.yaml", "services:\n  connect:\n    build: .\n");
        write("bigdata/confluent/compose.yaml", "services:\n  connect:\n"
                + "    image: cnfldemos/cp-server-connect-datagen:0.4.0-6.1.0\n");

        assertThat(deploymentOf("bigdata/debezium/sample/source.json").version()).isEqualTo("3.5");
        assertThat(deploymentOf("bigdata/confluent/res/register-debezium.json").version())
                .as("a vendor's Connect of its own stack, which names no release").isNull();
        assertThat(deploymentOf("notes/register.json").version()).as("no stack of its own: the project's one release")
                .isEqualTo("3.5");
    }

    @Test
    void should_read_where_the_stack_runs_debeziums_postgresql_image() throws IOException {
        write("demo/docker-compose.yml", "services:\n  postgres:\n"
                + "    image: quay.io/debezium/example-postgres:${DEBEZIUM_VERSION}\n");
        write("plain/docker-compose.yml", "services:\n  postgres:\n    image: postgres:16\n"
                + "    # image: debezium/postgres:13\n");

        assertThat(deploymentOf("demo/register-postgres.json").postgresImage())
                .isEqualTo("demo/docker-compose.yml: quay.io/debezium/example-postgres:${DEBEZIUM_VERSION}");
        assertThat(deploymentOf("plain/register-postgres.json").postgresImage()).isNull();
    }

    @Test
    void should_take_a_postgresql_build_that_installs_decoderbufs_for_one_that_ships_it() throws IOException {
        write("cdc/docker-compose.yml", "services:\n  postgres:\n    build: ./postgresql\n"
                + "    image: cdc-postgres:18-alpine\n  connect:\n    image: quay.io/debezium/connect:3.4\n");
        write("cdc/postgresql/Dockerfile", "FROM postgres:18-alpine\n"
                + "RUN git clone https://github.com/debezium/postgres-decoderbufs.git && cd postgres-decoderbufs && make install\n");
        write("plain/docker-compose.yml", "services:\n  postgres:\n    build: ./postgresql\n");
        write("plain/postgresql/Dockerfile", "FROM postgres:18-alpine\nRUN apk add --no-cache postgresql-contrib\n");

        assertThat(deploymentOf("cdc/register-postgres.json").postgresImage())
                .isEqualTo("cdc/postgresql/Dockerfile (the build of postgres in cdc/docker-compose.yml): a build that"
                        + " installs decoderbufs");
        assertThat(deploymentOf("plain/register-postgres.json").postgresImage()).isNull();
    }

    @Test
    void should_read_the_stack_of_a_dev_container_but_no_other_hidden_folder() throws IOException {
        write(".devcontainer/docker-compose.yml", "services:\n  db:\n    image: debezium/postgres:15\n"
                + "  connect:\n    image: quay.io/debezium/connect:2.4\n");
        write(".cache/docker-compose.yml", "services:\n  connect:\n    image: quay.io/debezium/connect:1.9\n");

        assertThat(deploymentOf("make_connector.sh").postgresImage())
                .isEqualTo(".devcontainer/docker-compose.yml: debezium/postgres:15");
        assertThat(deploymentOf("make_connector.sh").version()).isEqualTo("2.4");
    }

    @Test
    void should_follow_a_compose_build_into_its_dockerfile_where_the_arg_keeps_its_default() throws IOException {
        // compose passes a build only its build.args: the .env fills in the compose file's own ${VAR}s
        write(".env", "DEBEZIUM_VERSION=3.5\n");
        write("demo/docker-compose.yaml", "services:\n  kafka:\n    image: quay.io/debezium/kafka:${DEBEZIUM_VERSION}\n"
                + "  connect:\n    build:\n      context: debezium-jdbc\n");
        write("demo/debezium-jdbc/Dockerfile", "ARG DEBEZIUM_VERSION=1.9\n\nFROM quay.io/debezium/connect:$DEBEZIUM_VERSION\n"
                + "ARG POSTGRES_VERSION=42.2.8\n");

        Deployment deployment = deploymentOf("demo/register-hiking-connector.json");

        assertThat(deployment.version()).isEqualTo("1.9");
        assertThat(deployment.versionEvidence()).isEqualTo("demo/debezium-jdbc/Dockerfile (the build of connect in"
                + " demo/docker-compose.yaml): FROM debezium/connect:1.9");
    }

    @Test
    void should_pass_a_build_its_args_with_the_compose_files_own_variables() throws IOException {
        write("a/.env", "CONNECT_TAG=2.1.4.Final\n");
        write("a/docker-compose.yml", "services:\n  connect:\n    build:\n      context: .\n"
                + "      dockerfile: images/Connect.dockerfile\n      args:\n        DEBEZIUM_VERSION: ${CONNECT_TAG}\n");
        write("a/images/Connect.dockerfile", "ARG DEBEZIUM_VERSION=1.9\nFROM debezium/connect:${DEBEZIUM_VERSION}\n");
        write("b/docker-compose.yml", "services:\n  connect:\n    build:\n      context: connect\n"
                + "      args:\n        - VERSION=2.5\n");
        write("b/connect/Dockerfile", "ARG VERSION\nFROM maven:3 AS plugins\nFROM quay.io/debezium/connect:${VERSION:-1.0}\n"
                + "COPY --from=plugins /target /kafka/connect\n");
        write("c/compose.yaml", "services:\n  connect:\n    build: ./connect\n");
        write("c/connect/Dockerfile", "FROM confluentinc/cp-kafka-connect:7.4.0\nARG DEBEZIUM_VERSION=2.2.1.Final\n"
                + "RUN confluent-hub install --no-prompt debezium/debezium-connector-postgresql:${DEBEZIUM_VERSION}\n");

        assertThat(deploymentOf("a/register.json").version()).isEqualTo("2.1");
        assertThat(deploymentOf("b/register.json").version()).isEqualTo("2.5");
        assertThat(deploymentOf("c/register.json").version()).isEqualTo("2.2");
    }

    @Test
    void should_prefer_a_services_build_to_the_image_it_tags() throws IOException {
        write(".env", "DEBEZIUM_VERSION=3.5\n");
        write("kstreams/docker-compose.yaml", "services:\n  connect_source:\n"
                + "    image: quay.io/debezium/connect:${DEBEZIUM_VERSION}\n    build:\n      context: debezium-mongodb\n");
        write("kstreams/debezium-mongodb/Dockerfile", "FROM quay.io/debezium/connect:2.0\n");

        assertThat(deploymentOf("kstreams/mysql-source.json").version()).isEqualTo("2.0");
    }

    @Test
    void should_take_only_debeziums_own_images_from_a_dockerfile() throws IOException {
        write("demo/docker-compose.yaml", "services:\n  connect:\n    build: connect\n");
        write("demo/connect/Dockerfile", "FROM connect:2.0\n");
        write("docker-compose.yml", "services:\n  connect:\n    image: debezium/connect:2.7\n");

        assertThat(deploymentOf("demo/register.json").versionEvidence())
                .as("a local image named connect is not Debezium's: the next folder up names the release")
                .isEqualTo("docker-compose.yml: debezium/connect:2.7");
    }

    @Test
    void should_prefer_the_release_of_the_compose_stack_to_another_file_of_its_folder() throws IOException {
        write("live/os-setup.sh", "export DEBEZIUM_VERSION=1.8\ncurl https://repo1.maven.org/maven2/io/debezium/"
                + "debezium-connector-mysql/$DEBEZIUM_VERSION/debezium-connector-mysql-$DEBEZIUM_VERSION-plugin.tar.gz\n");
        write("live/docker-compose-mysql.yaml", "services:\n  connect:\n    build:\n      context: debezium-es\n");
        write("live/docker-compose-postgres.yaml", "services:\n  connect:\n    build:\n      context: debezium-es\n");
        write("live/debezium-es/Dockerfile", "FROM quay.io/debezium/connect:2.1\n");

        assertThat(deploymentOf("live/mysql-source.json").version()).isEqualTo("2.1");
        assertThat(deploymentOf("live/pgsql-source.json").version()).isEqualTo("2.1");
        assertThat(deploymentOf("live/es-sink.json").version()).as("named for neither stack; both run 2.1")
                .isEqualTo("2.1");
    }

    @Test
    void should_not_follow_a_build_context_out_of_the_project() throws IOException {
        Path outside = Files.createTempDirectory("dbzlint-outside");
        try {
            Files.writeString(outside.resolve("Dockerfile"), "FROM debezium/connect:1.1\n");
            write("demo/docker-compose.yml", "services:\n  connect:\n    build: ../../" + outside.getFileName() + "\n"
                    + "  other:\n    build: linked\n");
            Files.createSymbolicLink(repo.resolve("demo/linked"), outside);

            assertThat(deploymentOf("demo/register.json").version()).isNull();
        } finally {
            Files.delete(outside.resolve("Dockerfile"));
            Files.delete(outside);
        }
    }

    @Test
    void should_read_debeziums_postgresql_image_through_a_build() throws IOException {
        write("iris/docker-compose-flink.yaml", "services:\n  postgres:\n    image: debezium/postgres-iris\n"
                + "    build:\n      context: ./postgres\n");
        write("iris/postgres/Dockerfile", "FROM quay.io/debezium/postgres:15\nCOPY iris.sql /docker-entrypoint-initdb.d/\n");
        write("toast/docker-compose.yaml", "services:\n  source-db:\n    build:\n      context: source-db\n");
        write("toast/source-db/Dockerfile", "FROM quay.io/debezium/example-postgres:2.1\n");
        write("plain/docker-compose.yaml", "services:\n  db:\n    build: db\n");
        write("plain/db/Dockerfile", "FROM postgres:16\n# FROM debezium/postgres:16\n");

        assertThat(deploymentOf("iris/register-postgres-flink.json").postgresImage())
                .isEqualTo("iris/postgres/Dockerfile (the build of postgres in iris/docker-compose-flink.yaml):"
                        + " FROM quay.io/debezium/postgres:15");
        assertThat(deploymentOf("toast/debezium-source.json").postgresImage()).contains("example-postgres:2.1");
        assertThat(deploymentOf("plain/register.json").postgresImage()).isNull();
    }

    @Test
    void should_read_nothing_from_a_compose_file_of_a_shape_it_does_not_know() throws IOException {
        write("a/docker-compose.yml", "services:\n  connect:\n    build:\n      context: \"bad\\0path\"\n"
                + "    image: debezium/connect:2.3\n  other: 42\n  third:\n    build: [1, 2]\n    image: {a: b}\n"
                + "  fourth:\n    build:\n      context: .\n      args: just-a-string\n");
        write("a/Dockerfile", "FROM\nARG\nARG =x\nFROM --platform=linux/amd64\n");
        write("b/docker-compose.yml", "services: [\n");
        write("b/Dockerfile", "FROM debezium/connect:1.4\n");

        assertThat(deploymentOf("a/register.json").version()).as("the image, where the build cannot be read")
                .isEqualTo("2.3");
        assertThat(deploymentOf("b/register.json").versionEvidence()).as("not YAML: the folder's files, as before")
                .isEqualTo("b/Dockerfile: debezium/connect:1.4");
    }
}
