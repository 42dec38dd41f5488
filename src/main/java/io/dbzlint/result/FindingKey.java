package io.dbzlint.result;

/**
 * A finding's identity across runs: its rule, its input's project-relative path, its connector and
 * its config key, never its line, so edits that move lines keep it. Baselines and SARIF
 * fingerprints both use it, so one finding has one identity everywhere.
 *
 * @param path {@link io.dbzlint.model.InputId#stablePath()}
 * @param connector null for a problem of the file itself
 * @param key null when the finding is about no one key
 */
public record FindingKey(String rule, String path, String connector, String key) {

    public static FindingKey of(Finding finding) {
        return new FindingKey(finding.ruleId(), finding.location().input().stablePath(), finding.connector(),
                finding.key());
    }
}
