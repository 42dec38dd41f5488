package io.dbzlint.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's inputs come from: files and folders, standard input, a git revision, and next a
 * Kafka Connect cluster. Each input keeps the one identity its source gave it, whatever reads it
 * later; a new source is one class that implements this.
 */
public interface Source {

    /** The inputs, and one line for each thing the source names that could not be read as inputs. */
    Found find();

    /** What a source found. */
    record Found(List<Input> inputs, List<String> errors) {

        public Found {
            inputs = List.copyOf(inputs);
            errors = List.copyOf(errors);
        }

        /** The inputs and errors of several sources, in the sources' order. */
        public static Found of(List<Source> sources) {
            List<Input> inputs = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (Source source : sources) {
                Found found = source.find();
                inputs.addAll(found.inputs());
                errors.addAll(found.errors());
            }
            return new Found(inputs, errors);
        }
    }

    /** Inputs already in memory: an editor's open documents, a benchmark's files, a test's. */
    static Source of(List<Input> inputs) {
        Found found = new Found(inputs, List.of());
        return () -> found;
    }
}
