package io.dbzlint.load;

import io.dbzlint.model.Connector;
import java.util.List;

/** The connectors read from one file, and what was wrong with the file itself. */
public record LoadedFile(String path, List<Connector> connectors, List<LoadProblem> problems) {

    public LoadedFile {
        connectors = List.copyOf(connectors);
        problems = List.copyOf(problems);
    }
}
