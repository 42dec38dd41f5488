package io.dbzlint.load;

import io.dbzlint.model.Connector;
import io.dbzlint.model.InputId;
import io.dbzlint.model.ScriptBranches;
import java.util.List;

/**
 * The connectors read from one input, and what was wrong with the input itself.
 *
 * @param branches for a shell script, its conditional arms and the files it posts; else none
 */
public record LoadedFile(InputId input, List<Connector> connectors, List<LoadProblem> problems,
                         ScriptBranches branches) {

    public LoadedFile {
        connectors = List.copyOf(connectors);
        problems = List.copyOf(problems);
    }

    public LoadedFile(InputId input, List<Connector> connectors, List<LoadProblem> problems) {
        this(input, connectors, problems, ScriptBranches.NONE);
    }
}
