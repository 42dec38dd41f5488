package io.dbzlint.cli;

/** What a run's exit status means. Listed in --help; a stable interface for CI scripts. */
public enum ExitCode {
    OK(0, "no error findings"),
    FINDINGS(1, "at least one error finding"),
    USAGE(2, "usage error, unreadable file, cluster or database, or bad configuration"),
    INTERNAL(3, "internal error: a bug in dbzlint, or out of memory (--debug shows why)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
