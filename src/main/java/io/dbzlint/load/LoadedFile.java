package io.dbzlint.load;

import io.dbzlint.model.Connector;
import io.dbzlint.model.InputId;
import java.util.List;

/** The connectors read from one input, and what was wrong with the input itself. */
public record LoadedFile(InputId input, List<Connector> connectors, List<LoadProblem> problems) {

    public LoadedFile {
        connectors = List.copyOf(connectors);
        problems = List.copyOf(problems);
    }
}
