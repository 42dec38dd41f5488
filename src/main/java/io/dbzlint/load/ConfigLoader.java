package io.dbzlint.load;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputId;
import io.dbzlint.model.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an input into connectors, with the reader of the format its identity names. */
public final class ConfigLoader {

    /** Empty values from which a config is a skeleton that a program or a person fills in. */
    static final int SKELETON_EMPTY_VALUES = 3;
    /** What an empty slot of a skeleton reads as: a placeholder, never judged, never compared. */
    static final String SLOT = "<filled in later>";

    /** What the project's compose files set in the Debezium Server configs they mount. */
    private final ServerEnvironments environments;

    public ConfigLoader() {
        this(ServerEnvironments.NONE);
    }

    /** A loader that merges into each mounted Debezium Server config the environment its compose service sets. */
    public ConfigLoader(ServerEnvironments environments) {
        this.environments = environments;
    }

    /** The connectors in one input, read by its format. */
    public LoadedFile load(InputId input, byte[] bytes) {
        LoadedFile file = environments.merged(Readers.of(input.format()).read(input, bytes));
        if (file.connectors().stream().noneMatch(ConfigLoader::isSkeleton)) {
            return file;
        }
        List<Connector> connectors = new ArrayList<>(file.connectors().size());
        for (Connector connector : file.connectors()) {
            connectors.add(isSkeleton(connector) ? slotsFilled(connector) : connector);
        }
        return new LoadedFile(file.input(), connectors, file.problems(), file.branches());
    }

    /**
     * A config with several empty values ({@code "database.hostname": ""}, {@code topic.prefix=}) is
     * a template's skeleton, filled in before it is posted: one empty value is a mistake, three are
     * slots.
     */
    private static boolean isSkeleton(Connector connector) {
        int empty = 0;
        for (ConfigEntry entry : connector.config().values()) {
            if (entry.kind() == ValueKind.STRING && entry.hasText() && entry.text().isBlank()
                    && ++empty >= SKELETON_EMPTY_VALUES) {
                return true;
            }
        }
        return false;
    }

    private static Connector slotsFilled(Connector connector) {
        Map<String, ConfigEntry> config = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigEntry> pair : connector.config().entrySet()) {
            ConfigEntry entry = pair.getValue();
            config.put(pair.getKey(), entry.kind() == ValueKind.STRING && entry.hasText() && entry.text().isBlank()
                    ? new ConfigEntry(entry.key(), SLOT, ValueKind.STRING, entry.keyLocation(), entry.valueLocation())
                    : entry);
        }
        return new Connector(connector.name(), connector.nameLocation(), connector.location(), connector.type(), config,
                connector.envelope(), connector.deployment());
    }
}
