package io.dbzlint.engine;

import io.dbzlint.fix.Fixer;
import io.dbzlint.load.ConfigLoader;
import io.dbzlint.load.ServerEnvironments;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's text with every secret its connectors hold replaced by asterisks of the same length, for
 * output that shows whole lines (a diff's context): a value under a secret key, and a credential
 * inside a composite value (a URL's password, a JAAS password, an ODBC PWD=). Positions stay where
 * they were, so fixes still apply to the masked text.
 */
public final class SecretMask {

    private static final ConfigLoader LOADER = new ConfigLoader();

    private SecretMask() {
    }

    public static String masked(InputId input, String text) {
        int[] starts = Fixer.lineStarts(text);
        StringBuilder masked = null;
        List<ConfigEntry> entries = new ArrayList<>();
        for (Connector connector : LOADER.load(input, text.getBytes(StandardCharsets.UTF_8)).connectors()) {
            entries.addAll(connector.config().values());
        }
        if (ServerEnvironments.mayConfigure(input)) {
            // a Debezium Server's variables, also those merged into the config file it mounts
            entries.addAll(ServerEnvironments.variables(input, text));
        }
        for (ConfigEntry entry : entries) {
            if (!entry.hasText() || !entry.isSecret() || entry.isProviderReference()) {
                continue;
            }
            String secret = Secrets.isSecretKey(entry.key()) ? entry.text()
                    : Secrets.embedded(entry.key(), entry.text()).map(Secrets.Embedded::secret).orElse(null);
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            int from = offset(starts, entry.valueLocation().line(), entry.valueLocation().column(), text);
            int to = offset(starts, entry.valueLocation().endLine(), entry.valueLocation().endColumn(), text);
            if (from < 0 || to <= from) {
                continue;
            }
            masked = masked == null ? new StringBuilder(text) : masked;
            mask(masked, from, to, secret);
        }
        return masked == null ? text : masked.toString();
    }

    /** Each occurrence of the secret in the range, or, when it is written escaped, the whole range inside its quotes. */
    private static void mask(StringBuilder text, int from, int to, String secret) {
        String range = text.substring(from, to);
        boolean found = false;
        for (int at = range.indexOf(secret); at >= 0; at = range.indexOf(secret, at + secret.length())) {
            found = true;
            for (int i = 0; i < secret.length(); i++) {
                char c = text.charAt(from + at + i);
                if (c != '\n' && c != '\r') {
                    text.setCharAt(from + at + i, '*');
                }
            }
        }
        if (!found) {
            boolean quoted = range.length() >= 2 && (range.charAt(0) == '"' || range.charAt(0) == '\'');
            for (int i = from + (quoted ? 1 : 0); i < to - (quoted ? 1 : 0); i++) {
                if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    text.setCharAt(i, '*');
                }
            }
        }
    }

    private static int offset(int[] starts, int line, int column, String text) {
        if (line < 1 || line > starts.length) {
            return -1;
        }
        return Math.min(text.length(), starts[line - 1] + column - 1);
    }
}
