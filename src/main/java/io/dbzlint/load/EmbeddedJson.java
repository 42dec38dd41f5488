package io.dbzlint.load;

import io.dbzlint.model.Connector;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Location;
import io.dbzlint.model.ScriptBranches;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connector configs written as JSON inside other text: the body a shell script or a
 * docker-compose command posts with curl, a heredoc, a fenced block of a Markdown, MDX or AsciiDoc
 * tutorial (whose properties blocks {@link PropertiesFences} reads). Each JSON object holding a "connector.class" key is read where it stands, so every
 * position is the one in the original file; fragments without a class are left alone.
 */
final class EmbeddedJson {

    private static final String ANCHOR = "\"connector.class\"";
    /** How many opening braces before a connector.class to try, and how far back. */
    private static final int MAX_TRIES = 32;
    private static final int MAX_REACH = 64 * 1024;

    private EmbeddedJson() {
    }

    static LoadedFile load(InputId path, String text) {
        LoadedFile json = loadJson(path, text);
        if ((path.format() == InputFormat.YAML || path.format() == InputFormat.JSON) && !json.connectors().isEmpty()) {
            // a compose service's or a Kubernetes Job's command: a shell sends the body, filling in its variables
            List<Connector> inCommands = new ArrayList<>(json.connectors().size());
            json.connectors().forEach(connector -> inCommands.add(marked(connector, Connector.IN_COMMAND, "true")));
            json = new LoadedFile(path, inCommands, json.problems(), json.branches());
        }
        LoadedFile ksql = path.format() == InputFormat.HTTP ? null : KsqlConnectors.read(path, text);
        if (path.format() != InputFormat.MARKDOWN && path.format() != InputFormat.ASCIIDOC) {
            return ksql == null || ksql.connectors().isEmpty() ? json : merged(json, ksql);
        }
        LoadedFile fences = PropertiesFences.read(path, path.format() == InputFormat.ASCIIDOC ? blankCallouts(text)
                : text);
        if (!ksql.connectors().isEmpty()) {
            fences = merged(fences, ksql);
        }
        if (fences.connectors().isEmpty() && fences.problems().isEmpty()) {
            return json;
        }
        return merged(json, fences);
    }

    /** Two readings of one text, the connectors in the text's order: a page's findings are told once per example. */
    private static LoadedFile merged(LoadedFile json, LoadedFile fences) {
        InputId path = json.input();
        // in the page's order: a page's findings are told once per example, the one they are in
        List<Connector> connectors = new ArrayList<>(json.connectors());
        connectors.addAll(fences.connectors());
        connectors.sort(java.util.Comparator.comparing(Connector::location));
        List<LoadProblem> problems = new ArrayList<>(json.problems());
        problems.addAll(fences.problems());
        return new LoadedFile(path, connectors, problems, json.branches());
    }

    /** The JSON bodies of a text, and a script's branches and uploads. */
    private static LoadedFile loadJson(InputId path, String text) {
        List<Connector> connectors = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        ScriptBranches branches = switch (path.format()) {
            case SHELL -> ShellBranches.of(text);
            case MARKDOWN, ASCIIDOC -> ShellBranches.uploadsOf(text);
            case HTTP -> HttpRequests.uploadsOf(text);
            default -> ScriptBranches.NONE;
        };
        boolean platform = text.contains(PLATFORM_TYPE);
        if (!text.contains(ANCHOR) && !platform) {
            return new LoadedFile(path, connectors, problems, branches);
        }
        // a script's, or a page's shell block's, variables spliced into a single-quoted body
        char[] chars = (path.format() == InputFormat.ASCIIDOC ? joinSplices(blankCallouts(text))
                : path.format() == InputFormat.HTTP ? text : joinSplices(text)).toCharArray();
        LineIndex lines = new LineIndex(chars);
        int covered = 0;
        java.util.Set<String> expanded = null; // a script's $NAME and ${NAME}, found once when first needed
        for (int anchor = nextAnchor(chars, 0, platform); anchor >= 0; anchor = nextAnchor(chars, anchor + 1, platform)) {
            if (anchor < covered) {
                continue; // inside an object already read
            }
            Optional<Found> outermost = Optional.empty();
            int tries = 0;
            for (int brace = lastIndexOf(chars, '{', anchor - 1);
                 brace >= covered && brace >= anchor - MAX_REACH && tries < MAX_TRIES;
                 brace = lastIndexOf(chars, '{', brace - 1), tries++) {
                int at = brace;
                Optional<JsonConnectors.Embedded> read = JsonConnectors.readEmbedded(path, chars, at,
                        new JsonConnectors.Window(lines.line(at), lines.column(at)));
                if (read.isPresent() && at + read.get().length() > anchor) {
                    outermost = Optional.of(new Found(at, read.get()));
                }
            }
            if (outermost.isPresent() && (isResponse(chars, outermost.get().start())
                    || path.format() == InputFormat.HTTP && !HttpRequests.sendsConfig(chars, outermost.get().start()))) {
                // a reply pasted after its request (HTTP/1.1 201 Created, headers, the config echoed back):
                // what it echoes is the request's, reported there; and a request file's body that Kafka
                // Connect never reads (sent with a pause, a GET)
                covered = outermost.get().start() + outermost.get().read().length();
            } else if (outermost.isPresent()) {
                int start = outermost.get().start();
                if (path.format() == InputFormat.SHELL && expanded == null) {
                    expanded = expandedVariables(text);
                }
                String unposted = path.format() == InputFormat.SHELL ? unpostedVariable(chars, start, expanded) : null;
                boolean commentedOut = path.format() == InputFormat.SHELL && onCommentLine(chars, start);
                for (Connector connector : outermost.get().read().connectors()) {
                    Connector named = namedByUrl(path, chars, lines, start, connector);
                    if (path.format() == InputFormat.SHELL) {
                        named = nameAssigned(text, named);
                    }
                    named = unposted == null ? named : unposted(named, unposted);
                    connectors.add(commentedOut ? marked(named, Connector.COMMENTED_OUT, "#") : named);
                }
                List<LoadProblem> bodyProblems = outermost.get().read().problems();
                if (path.format() == InputFormat.MARKDOWN && allowsComments(fenceLanguage(chars, start))) {
                    // ```json5 or ```jsonc says so itself: an annotated body, not one to post as it is
                    bodyProblems = bodyProblems.stream()
                            .filter(problem -> !problem.ruleId().equals(LoadProblem.STRICT_JSON)).toList();
                }
                problems.addAll(bodyProblems);
                covered = outermost.get().start() + outermost.get().read().length();
            }
        }
        return new LoadedFile(path, connectors, problems, branches);
    }

    private record Found(int start, JsonConnectors.Embedded read) {
    }

    /** A name that is one shell variable: {@code $CONNECTOR_NAME}, {@code ${CONNECTOR_NAME}}. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    /**
     * A connector named by a shell variable the script assigns one literal value
     * ({@code CONNECTOR_NAME="mysql-connector"} ... {@code "name": "$CONNECTOR_NAME"}) is named by that
     * value, at the same place: it is the connector of that name, not one of an unknown name.
     */
    private static Connector nameAssigned(String text, Connector connector) {
        Matcher variable = VARIABLE_NAME.matcher(connector.name());
        if (!variable.matches()) {
            return connector;
        }
        String name = variable.group(1);
        Matcher assigned = Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]+|local[ \\t]+|readonly[ \\t]+)?"
                + Pattern.quote(name) + "=(?:\"([^\"$`\\\\\n]*)\"|'([^'\\n]*)'|([^\\s;\"'$`\\\\]+))[ \\t]*(?:[;#].*)?$")
                .matcher(text);
        String value = null;
        while (assigned.find()) {
            String found = assigned.group(1) != null ? assigned.group(1)
                    : assigned.group(2) != null ? assigned.group(2) : assigned.group(3);
            if (value != null && !value.equals(found) || found.isBlank()) {
                return connector; // assigned several values: which one the body takes is not known
            }
            value = found;
        }
        return value == null ? connector : new Connector(value, connector.nameLocation(), connector.location(),
                connector.type(), connector.config(), connector.envelope());
    }

    /** A Debezium Platform source names its connector class as its type: {@code "type": "io.debezium.connector...}. */
    private static final String PLATFORM_TYPE = "\"io.debezium.connector.";
    private static final Pattern PLATFORM_ANCHOR = Pattern.compile("\"type\"\\s*:\\s*$");

    /**
     * Where the next config may be, from {@code from}: a "connector.class" key, or (where the text
     * names a connector class in quotes at all) a platform source's "type" naming one.
     */
    private static int nextAnchor(char[] chars, int from, boolean platform) {
        int anchor = indexOf(chars, ANCHOR, from);
        if (!platform) {
            return anchor;
        }
        for (int at = indexOf(chars, PLATFORM_TYPE, from); at >= 0 && (anchor < 0 || at < anchor);
             at = indexOf(chars, PLATFORM_TYPE, at + 1)) {
            int lineStart = at;
            while (lineStart > 0 && chars[lineStart - 1] != '\n' && at - lineStart < 200) {
                lineStart--;
            }
            if (PLATFORM_ANCHOR.matcher(new String(chars, lineStart, at - lineStart)).find()) {
                return at;
            }
        }
        return anchor;
    }

    /** {@code NAME='{}, {@code export NAME="{}, {@code local NAME='{}: a body kept in a shell variable. */
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?:^|[;\\s])(?:export\\s+|local\\s+|readonly\\s+|declare\\s+(?:-\\w+\\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=[$]?['\"]\\s*$");

    /**
     * The shell variable a body at start is assigned to, when the script never expands it
     * ({@code $NAME}, {@code ${NAME}}) anywhere: a payload defined and left unposted (an alternative
     * the script does not send). Null when the body is not assigned, or is used.
     */
    static String unpostedVariable(char[] chars, int start, java.util.Set<String> expanded) {
        int lineStart = start;
        while (lineStart > 0 && chars[lineStart - 1] != '\n' && start - lineStart < 200) {
            lineStart--;
        }
        Matcher assigned = ASSIGNED.matcher(new String(chars, lineStart, start - lineStart));
        if (!assigned.find()) {
            return null;
        }
        String name = assigned.group(1);
        return expanded.contains(name) ? null : name;
    }

    private static final Pattern EXPANSION = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    /** Every variable a script expands anywhere, in one pass. */
    static java.util.Set<String> expandedVariables(String text) {
        java.util.Set<String> names = new java.util.HashSet<>();
        Matcher expansion = EXPANSION.matcher(text);
        while (expansion.find()) {
            names.add(expansion.group(1));
        }
        return names;
    }

    /** Whether a position is on a script line commented out with #: a command the script does not run. */
    private static boolean onCommentLine(char[] chars, int at) {
        int lineStart = at;
        while (lineStart > 0 && chars[lineStart - 1] != '\n') {
            lineStart--;
        }
        while (lineStart < at && (chars[lineStart] == ' ' || chars[lineStart] == '\t')) {
            lineStart++;
        }
        return lineStart < at && chars[lineStart] == '#';
    }

    private static Connector marked(Connector connector, String key, String value) {
        java.util.Map<String, io.dbzlint.model.ConfigEntry> envelope = new java.util.LinkedHashMap<>(connector.envelope());
        envelope.put(key, new io.dbzlint.model.ConfigEntry(key, value, io.dbzlint.model.ValueKind.STRING,
                connector.location(), connector.location()));
        return new Connector(connector.name(), connector.nameLocation(), connector.location(), connector.type(),
                connector.config(), envelope, connector.deployment());
    }

    private static Connector unposted(Connector connector, String variable) {
        java.util.Map<String, io.dbzlint.model.ConfigEntry> envelope = new java.util.LinkedHashMap<>(connector.envelope());
        envelope.put(Connector.UNPOSTED_VARIABLE, new io.dbzlint.model.ConfigEntry(Connector.UNPOSTED_VARIABLE, variable,
                io.dbzlint.model.ValueKind.STRING, connector.location(), connector.location()));
        return new Connector(connector.name(), connector.nameLocation(), connector.location(), connector.type(),
                connector.config(), envelope, connector.deployment());
    }

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(?:\\.\\d)?\\s+\\d{3}\\b.*");
    private static final Pattern HEADER_LINE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*:\\s.*");
    /** How many lines above a body a response's status line may be: its headers, a comment, blanks. */
    private static final int RESPONSE_REACH = 30;

    /**
     * Whether the body at start is an HTTP response: the lines above it, up to its fence or the line
     * before, are headers, blanks or comments under an {@code HTTP/1.1 201 Created} status line.
     */
    static boolean isResponse(char[] chars, int start) {
        int lineEnd = start;
        int lines = 0;
        for (int i = start - 1; i >= -1 && lines <= RESPONSE_REACH; i--) {
            if (i >= 0 && chars[i] != '\n') {
                continue;
            }
            String line = new String(chars, i + 1, Math.max(0, lineEnd - i - 1)).strip();
            lineEnd = i;
            lines++;
            if (STATUS_LINE.matcher(line).matches()) {
                return true;
            }
            if (!(line.isEmpty() || line.startsWith("#") || line.startsWith("//") || HEADER_LINE.matcher(line).matches())) {
                return false;
            }
        }
        return false;
    }

    private static final int FENCE_REACH = 16 * 1024;

    /**
     * The info string of the Markdown fence a body is in ({@code json5} for ```json5), or "": the
     * nearest line before it that opens with ``` or ~~~ and names a language (a closing fence names
     * none).
     */
    static String fenceLanguage(char[] chars, int start) {
        int lineEnd = start;
        for (int i = start - 1; i >= 0 && i >= start - FENCE_REACH; i--) {
            if (chars[i] != '\n' && i > 0) {
                continue;
            }
            int lineStart = chars[i] == '\n' ? i + 1 : 0;
            String line = new String(chars, lineStart, Math.max(0, lineEnd - lineStart)).strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                return line.substring(3).replace("`", "").replace("~", "").strip().toLowerCase(Locale.ROOT);
            }
            lineEnd = i;
        }
        return "";
    }

    private static boolean allowsComments(String language) {
        return language.startsWith("json5") || language.startsWith("jsonc") || language.startsWith("js")
                && !language.startsWith("json") || language.startsWith("javascript")
                || language.startsWith("typescript") || language.startsWith("ts") || language.startsWith("hjson")
                // a program's dict or map literal, which its language lets end in a comma; it posts JSON
                || language.startsWith("py") || language.startsWith("go") || language.startsWith("kotlin")
                || language.startsWith("java") && !language.startsWith("javascript") || language.startsWith("groovy");
    }

    /** PUT /connectors/NAME/config (the connector NAME) or /connector-plugins/PLUGIN/config/validate in the command that sends a body. */
    private static final Pattern PUT_URL = Pattern.compile(HttpRequests.PUT_TARGET + "(?![/\\w-])");
    private static final int URL_REACH = 400;
    /**
     * A line whose command goes on below it: ended by a backslash, opening a heredoc
     * ({@code -d @- <<EOF}), or ending in the quote that opens a data argument ({@code -d '}).
     */
    private static final Pattern CONTINUED = Pattern.compile(
            "\\\\$|<<-?\\s*['\"]?[A-Za-z_][A-Za-z0-9_]*['\"]?|(?:^|\\s)(?:-d|--data(?:-raw|-binary|-ascii)?)[=\\s]\\s*['\"]$");

    /**
     * A bare config sent with {@code PUT /connectors/NAME/config} is a version of the connector
     * NAME, and is named NAME, as Kafka Connect names it, rather than by its place in the file,
     * unless the config names itself: only when the URL is in the same command (on the body's line,
     * or on lines continued with a backslash up to it).
     */
    private static Connector namedByUrl(InputId path, char[] chars, LineIndex lines, int start, Connector connector) {
        int line = lines.line(start);
        if (connector.location().line() != line || connector.location().column() != lines.column(start)) {
            return connector; // a REST body: POSTed, not put
        }
        int at;
        String name;
        boolean validate;
        if (path.format() == InputFormat.HTTP) {
            int request = HttpRequests.requestOf(chars, start);
            int end = request;
            while (end >= 0 && end < chars.length && chars[end] != '\n') {
                end++;
            }
            Matcher put = request < 0 ? null : HttpRequests.putName(new String(chars, request, end - request));
            if (put == null) {
                return connector;
            }
            validate = put.group(1) == null;
            at = request + put.start(validate ? 2 : 1);
            name = put.group(validate ? 2 : 1);
        } else {
            int from = Math.max(0, start - URL_REACH);
            String before = new String(chars, from, start - from);
            Matcher url = PUT_URL.matcher(before);
            int found = -1;
            name = null;
            validate = false;
            while (url.find()) {
                validate = url.group(1) == null;
                found = url.start(validate ? 2 : 1);
                name = url.group(validate ? 2 : 1);
            }
            if (name == null) {
                return connector;
            }
            String between = before.substring(found);
            int lineStart = 0;
            for (int i = between.indexOf('\n'); i >= 0; i = between.indexOf('\n', i + 1)) {
                String commandLine = between.substring(lineStart, i).stripTrailing();
                lineStart = i + 1;
                if (!CONTINUED.matcher(commandLine).find()) {
                    return connector; // the URL belongs to an earlier command
                }
            }
            at = from + found;
        }
        Location where = new Location(path, lines.line(at), lines.column(at), lines.line(at),
                lines.column(at) + name.length());
        return validate ? validated(connector, name, where) : put(connector, name, where, line);
    }

    /**
     * A config sent to {@code PUT /connector-plugins/PLUGIN/config/validate}: Kafka Connect checks it
     * and runs nothing, so it claims no name, topic or slot beside the connectors that run.
     */
    static Connector validated(Connector connector, String plugin, Location where) {
        java.util.Map<String, io.dbzlint.model.ConfigEntry> envelope = new java.util.LinkedHashMap<>(connector.envelope());
        envelope.put(Connector.VALIDATED, new io.dbzlint.model.ConfigEntry(Connector.VALIDATED, plugin,
                io.dbzlint.model.ValueKind.STRING, where, where));
        return new Connector(connector.name(), connector.nameLocation(), connector.location(), connector.type(),
                connector.config(), envelope);
    }

    /**
     * A config sent with {@code PUT /connectors/NAME/config} (NAME written at {@code where}): a
     * version of the connector NAME, and named NAME unless it names itself (a bare config is named
     * by its place, the line it starts on).
     */
    static Connector put(Connector connector, String name, Location where, int line) {
        java.util.Map<String, io.dbzlint.model.ConfigEntry> envelope = new java.util.LinkedHashMap<>(connector.envelope());
        envelope.put(Connector.PUT_CONNECTOR, new io.dbzlint.model.ConfigEntry(Connector.PUT_CONNECTOR, name,
                io.dbzlint.model.ValueKind.STRING, where, where));
        boolean unnamed = connector.name().endsWith(":" + line) && !connector.config().containsKey(Keys.NAME);
        return new Connector(unnamed ? name : connector.name(), unnamed ? where : connector.nameLocation(),
                connector.location(), connector.type(), connector.config(), envelope);
    }

    /**
     * A variable spliced into a single-quoted body as the value it makes, a template string: in
     * {@code "'"${PASSWORD}"'"} the quote closes, the shell expands the variable in double quotes and
     * the quote opens again (the splice's single quotes and the string's quotes around it are
     * blanked); in {@code "'$PORT'"} the variable is expanded unquoted between the string's own
     * quotes (each of those moves in by one, over the single quote beside it). Either way the body
     * reads as JSON at the same positions, and the value is the variable alone.
     */
    private static final String VARIABLE = "\\$\\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}\"'\\n]{0,80})?\\}?";
    private static final Pattern SPLICE = Pattern.compile("'\"(" + VARIABLE + ")\"'|\"'(" + VARIABLE + ")'\"");

    static String joinSplices(String text) {
        text = joinQuotedApostrophes(text);
        if (text.indexOf("'\"$") < 0 && text.indexOf("\"'$") < 0) {
            return text;
        }
        Matcher splice = SPLICE.matcher(text);
        StringBuilder joined = null;
        while (splice.find()) {
            joined = joined == null ? new StringBuilder(text) : joined;
            int start = splice.start();
            int end = splice.end();
            if (splice.group(2) != null) { // "'$PORT'" reads as  "$PORT"
                joined.setCharAt(start, ' ');
                joined.setCharAt(start + 1, '"');
                joined.setCharAt(end - 2, '"');
                joined.setCharAt(end - 1, ' ');
                continue;
            }
            joined.setCharAt(start, ' ');
            joined.setCharAt(end - 1, ' ');
            if (start > 0 && end < text.length() && text.charAt(start - 1) == '"' && text.charAt(end) == '"') {
                joined.setCharAt(start - 1, ' '); // "'"$X"'": the variable's own quotes are the string's
                joined.setCharAt(end, ' ');
            }
        }
        return joined == null ? text : joined.toString();
    }

    /** An apostrophe written inside a single-quoted body: {@code '\\''} or {@code '"'"'}. */
    private static final Pattern QUOTED_APOSTROPHE = Pattern.compile("'\\\\''|'\"'\"'");

    /**
     * An apostrophe in a single-quoted body ({@code "format": "yyyy-MM-dd'\\''T'\\''HH:mm"}) as the
     * one the shell makes: the quote closes, an escaped or double-quoted apostrophe follows, and the
     * quote opens again. The apostrophe stays where it is written and the rest of the idiom is
     * blanked, so the body reads as JSON at the same positions (the value holds the blanks).
     */
    static String joinQuotedApostrophes(String text) {
        if (text.indexOf("'\\''") < 0 && text.indexOf("'\"'\"'") < 0) {
            return text;
        }
        Matcher idiom = QUOTED_APOSTROPHE.matcher(text);
        StringBuilder joined = new StringBuilder(text);
        while (idiom.find()) {
            for (int i = idiom.start() + 1; i < idiom.end(); i++) {
                joined.setCharAt(i, ' ');
            }
        }
        return joined.toString();
    }

    /**
     * Callouts replaced by spaces, so that the JSON parses and every column stays where it was: at
     * each line's end, after any spaces, one or more {@code <n>} with spaces between. One backward
     * pass per line (a regular expression over 2,000 callouts overflowed the stack, and one over
     * long runs of trailing spaces took quadratic time).
     */
    static String blankCallouts(String text) {
        StringBuilder blanked = null;
        int lineEnd = text.length();
        while (lineEnd >= 0) {
            int lineStart = lineEnd == 0 ? 0 : Math.max(text.lastIndexOf('\n', lineEnd - 1) + 1, 0);
            int end = lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            int calloutsStart = calloutsStart(text, lineStart, end);
            if (calloutsStart < end) {
                blanked = blanked == null ? new StringBuilder(text) : blanked;
                for (int i = calloutsStart; i < end; i++) {
                    blanked.setCharAt(i, ' ');
                }
            }
            if (lineStart == 0) {
                break;
            }
            lineEnd = lineStart - 1;
        }
        return blanked == null ? text : blanked.toString();
    }

    /**
     * Where a line's trailing callouts start (with the spaces before them), or its end when it has
     * none. Callouts may follow a line comment ({@code // <1>}, {@code # <1>}): Asciidoctor renders
     * the comment away with them, so it is no comment of the example's.
     */
    private static int calloutsStart(String text, int lineStart, int end) {
        int start = bareCalloutsStart(text, lineStart, end);
        if (start == end) {
            return end;
        }
        int comment = start >= lineStart + 2 && text.startsWith("//", start - 2) ? start - 2
                : start >= lineStart + 1 && text.charAt(start - 1) == '#' ? start - 1 : -1;
        if (comment < 0 || comment > lineStart && !Character.isWhitespace(text.charAt(comment - 1))) {
            return start;
        }
        while (comment > lineStart && Character.isWhitespace(text.charAt(comment - 1))) {
            comment--;
        }
        return comment;
    }

    private static int bareCalloutsStart(String text, int lineStart, int end) {
        int i = end;
        int start = end;
        while (true) {
            int j = i;
            while (j > lineStart && Character.isWhitespace(text.charAt(j - 1))) {
                j--;
            }
            if (j - 1 <= lineStart || text.charAt(j - 1) != '>') {
                return start;
            }
            int k = j - 1;
            while (k > lineStart && Character.isDigit(text.charAt(k - 1))) {
                k--;
            }
            if (k == j - 1 || k - 1 < lineStart || text.charAt(k - 1) != '<') {
                return start;
            }
            i = k - 1;
            int spaces = i;
            while (spaces > lineStart && Character.isWhitespace(text.charAt(spaces - 1))) {
                spaces--;
            }
            start = spaces;
        }
    }

    private static int indexOf(char[] chars, String needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= chars.length - needle.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (chars[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(char[] chars, char c, int from) {
        for (int i = Math.min(from, chars.length - 1); i >= 0; i--) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Line and column of an offset, counting lines as the JSON parser does. */
    static final class LineIndex {
        private final int[] starts;

        LineIndex(char[] chars) {
            List<Integer> found = new ArrayList<>();
            found.add(0);
            for (int i = 0; i < chars.length; i++) {
                if (chars[i] == '\n' || chars[i] == '\r' && (i + 1 >= chars.length || chars[i + 1] != '\n')) {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        int line(int offset) {
            int index = java.util.Arrays.binarySearch(starts, offset);
            return (index >= 0 ? index : -index - 2) + 1;
        }

        int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }

        /** Where a line starts; past the last line, where the last starts. */
        int start(int line) {
            return starts[Math.min(line, starts.length) - 1];
        }
    }

    /** The reader registered for this format. */
    static final class Reader extends FormatReader.Text {
        @Override
        protected LoadedFile read(InputId input, String text) {
            return load(input, text);
        }
    }
}
