package io.dbzlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerProvidersTest {

    private static Set<String> custom(String text) {
        Set<String> found = new HashSet<>();
        WorkerProviders.addCustom(text, found);
        return found;
    }

    @Test
    void should_find_a_provider_a_strimzi_kafka_connect_maps_to_its_own_class() {
        assertThat(custom("""
                spec:
                  config:
                    config.providers: file,secrets
                    config.providers.file.class: com.redhat.insights.kafka.config.providers.PlainFileConfigProvider
                    config.providers.secrets.class: io.strimzi.kafka.KubernetesSecretConfigProvider
                """)).containsExactly("file");
    }

    @Test
    void should_find_a_provider_a_worker_file_or_a_compose_service_maps_to_its_own_class() {
        assertThat(custom("config.providers=vault\nconfig.providers.vault.class=com.example.VaultProvider\n"))
                .containsExactly("vault");
        assertThat(custom("      CONNECT_CONFIG_PROVIDERS_ENV_CLASS: \"com.joe.connect.providers.EnvVariableProvider\"\n"))
                .containsExactly("env");
    }

    @Test
    void should_leave_providers_taking_a_path_and_a_key_to_that_syntax() {
        assertThat(custom("""
                config.providers.secrets.class=com.github.jcustenborder.kafka.config.aws.SecretsManagerConfigProvider
                config.providers.vault.class=com.github.jcustenborder.kafka.config.vault.VaultConfigProvider
                config.providers.configmaps.class=io.strimzi.kafka.KubernetesConfigMapConfigProvider
                """)).isEmpty();
    }

    @Test
    void should_leave_kafkas_own_providers_to_the_syntax_kafka_takes() {
        assertThat(custom("""
                config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider
                config.providers.dir.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider
                CONNECT_CONFIG_PROVIDERS_ENV_CLASS: org.apache.kafka.common.config.provider.EnvVarConfigProvider
                """)).isEmpty();
    }
}
