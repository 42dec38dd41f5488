package io.dbzlint.source;

import io.dbzlint.connect.DeployedConnector;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.InputId;

/**
 * A connector a Kafka Connect cluster runs, as an input: never a file, so never fixed.
 *
 * @param deployment where it runs: its cluster's deployment, or the one the project config names
 * @param connector what the cluster said of it, state included
 * @param meetsEveryDeployment whether the repository's connectors of every deployment are compared
 *     with it (a cluster given on the command line); else only those of its own deployment
 */
public record DeployedInput(InputId id, byte[] bytes, Deployment deployment, DeployedConnector connector,
                            boolean meetsEveryDeployment) implements Input {

    @Override
    public byte[] read() {
        return bytes;
    }
}
