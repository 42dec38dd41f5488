package io.dbzlint.rule.checks;

import io.dbzlint.load.LoadProblem;
import io.dbzlint.rule.FileRule;

/** Invalid JSON, an empty file, or a top level that holds no configs. Found by the loader. */
public final class ParseErrorRule implements FileRule {

    @Override
    public String id() {
        return LoadProblem.PARSE_ERROR;
    }
}
