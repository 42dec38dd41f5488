package io.dbzlint.lsp;

import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.debezium.EditorSchema;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.InputFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion in a connector config: the keys the target release reads (those already in the
 * config left out), and a key's values where the release accepts a closed set. Read from the
 * editor's text as it is, half typed: a JSON object (a bare config or a REST body's config), a
 * YAML block (Strimzi's spec.config) or a properties file. Only the catalog is offered, never a
 * value from the document, so no secret can reach the list.
 */
final class Completion {

    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_.\\-]*)$");
    private static final Pattern YAML_VALUE = Pattern.compile("^(\\s*)([A-Za-z0-9_.\\-]+):\\s+([\"']?)([^\"'#]*)$");
    private static final Pattern YAML_ENTRY = Pattern.compile("^(\\s*)([\"']?)([A-Za-z0-9_.\\-]+)\\2\\s*:");
    private static final Pattern PROPERTIES_KEY = Pattern.compile("^([A-Za-z0-9_.\\-]*)$");
    private static final Pattern PROPERTIES_VALUE = Pattern.compile("^([A-Za-z0-9_.\\-]+)\\s*[=:]\\s*(\\S*)$");
    private static final Pattern PROPERTIES_ENTRY = Pattern.compile("(?m)^\\s*([A-Za-z0-9_.\\-]+)\\s*[=:]");

    /** Where the cursor is: a key being typed, or the value of a key; the text it replaces. */
    private record Place(boolean key, String valueOf, Range replaced, boolean quoted, Set<String> present,
                         String scope) {
    }

    private Completion() {
    }

    static List<CompletionItem> at(String text, Position position, InputFormat format, DebeziumVersion target) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (position.getLine() >= lines.length) {
            return List.of();
        }
        String normalized = String.join("\n", lines); // offsets below count one character a line break
        Place place = switch (format) {
            case JSON -> json(normalized, lines, position);
            case YAML -> yaml(lines, position);
            case PROPERTIES -> properties(normalized, lines, position);
            default -> null;
        };
        if (place == null) {
            return List.of();
        }
        List<CompletionItem> items = new ArrayList<>();
        for (ConnectorType type : KeyDocs.typesFor(place.scope())) {
            Map<String, EditorSchema.Key> keys = EditorSchema.keys(type, target);
            if (place.key()) {
                keys.values().stream().filter(key -> !place.present().contains(key.name()))
                        .filter(key -> items.stream().noneMatch(item -> item.getLabel().equals(key.name())))
                        .forEach(key -> items.add(keyItem(key, type, place)));
            } else {
                EditorSchema.Key key = keys.get(place.valueOf());
                if (key != null) {
                    values(type, key, target).forEach(value -> items.add(valueItem(value, key, place)));
                    break;
                }
            }
        }
        return items;
    }

    /** The values lint accepts for a key in the target release, without those Debezium renamed since. */
    private static List<String> values(ConnectorType type, EditorSchema.Key key, DebeziumVersion target) {
        List<String> values = new ArrayList<>(Debezium.bundled().enumerations(type, target)
                .getOrDefault(key.name(), List.of()));
        values.removeAll(Debezium.bundled().catalog().renamedValues(key.name()));
        if (values.isEmpty() && "boolean".equals(key.type() == null ? null : key.type().toLowerCase(Locale.ROOT))) {
            values.addAll(List.of("true", "false"));
        }
        return values;
    }

    private static CompletionItem keyItem(EditorSchema.Key key, ConnectorType type, Place place) {
        CompletionItem item = new CompletionItem(key.name());
        item.setKind(CompletionItemKind.Property);
        item.setDetail(type.displayName() + (key.type() == null ? "" : ", " + key.type())
                + (key.defaultValue() == null || key.defaultValue().isEmpty() ? "" : ", default " + key.defaultValue()));
        if (key.description() != null) {
            item.setDocumentation(Either.forRight(new MarkupContent(MarkupKind.MARKDOWN, KeyDocs.markdown(key, type))));
        }
        item.setTextEdit(Either.forLeft(new TextEdit(place.replaced(), place.quoted() ? "\"" + key.name() + "\"" : key.name())));
        item.setFilterText(place.quoted() ? "\"" + key.name() + "\"" : key.name());
        return item;
    }

    private static CompletionItem valueItem(String value, EditorSchema.Key key, Place place) {
        CompletionItem item = new CompletionItem(value);
        item.setKind(CompletionItemKind.EnumMember);
        item.setDetail(key.name() + (value.equalsIgnoreCase(key.defaultValue()) ? " (default)" : ""));
        item.setTextEdit(Either.forLeft(new TextEdit(place.replaced(), place.quoted() ? "\"" + value + "\"" : value)));
        item.setFilterText(place.quoted() ? "\"" + value + "\"" : value);
        return item;
    }

    /** One JSON object being read: its keys so far, the key it is the value of, where it starts. */
    private static final class JsonObject {
        final String parentKey;
        final int start;
        final boolean object;
        final Set<String> keys = new HashSet<>();
        boolean expectingKey = true;
        String lastString;
        String currentKey;
        int end = -1;

        JsonObject(String parentKey, int start, boolean object) {
            this.parentKey = parentKey;
            this.start = start;
            this.object = object;
        }
    }

    /**
     * Reads the whole text as JSON, leniently (it is half typed): the object around the cursor,
     * whether a key or a value is being typed there, and every key that object holds.
     */
    private static Place json(String text, String[] lines, Position position) {
        int cursor = offsetOf(lines, position);
        Deque<JsonObject> open = new ArrayDeque<>();
        JsonObject at = null;
        int atDepth = 0;
        boolean atKey = false;
        String atValueOf = null;
        int tokenStart = cursor;
        int tokenEnd = cursor;
        boolean inString = false;
        int stringStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            if (i == cursor && at == null) {
                at = open.peek();
                if (at == null || !at.object) {
                    return null;
                }
                atDepth = open.size();
                atKey = at.expectingKey;
                atValueOf = at.currentKey;
                if (inString) {
                    tokenStart = stringStart;
                    tokenEnd = cursor;
                    // the closing quote the editor may have typed already is replaced too
                    for (int j = cursor; j < text.length() && text.charAt(j) != '\n'; j++) {
                        if (text.charAt(j) == '\\') {
                            j++;
                        } else if (text.charAt(j) == '"') {
                            tokenEnd = j + 1;
                            break;
                        }
                    }
                } else {
                    tokenStart = cursor;
                    while (tokenStart > 0 && isBare(text.charAt(tokenStart - 1))) {
                        tokenStart--;
                    }
                }
            }
            if (i == text.length()) {
                break;
            }
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"' || c == '\n') {
                    inString = false;
                    JsonObject top = open.peek();
                    if (top != null && top.object && top.expectingKey && stringStart != tokenStart) {
                        top.lastString = text.substring(stringStart + 1, i);
                    } else if (top != null && top.object && top.expectingKey) {
                        top.lastString = null; // the key being typed is not present yet
                    }
                }
                continue;
            }
            JsonObject top = open.peek();
            switch (c) {
                case '"' -> {
                    inString = true;
                    stringStart = i;
                }
                case '{', '[' -> open.push(new JsonObject(top != null && top.object ? top.currentKey : null, i, c == '{'));
                case '}', ']' -> {
                    if (top != null) {
                        top.end = i + 1;
                        open.pop();
                    }
                }
                case ':' -> {
                    if (top != null && top.object && top.expectingKey) {
                        if (top.lastString != null) {
                            top.keys.add(top.lastString);
                        }
                        top.currentKey = top.lastString;
                        top.expectingKey = false;
                        top.lastString = null;
                    }
                }
                case ',' -> {
                    if (top != null && top.object) {
                        top.expectingKey = true;
                        top.lastString = null;
                    }
                }
                default -> {
                }
            }
        }
        if (at == null || !atKey && atValueOf == null) {
            return null;
        }
        boolean config = "config".equals(at.parentKey) || at.keys.contains("connector.class")
                || at.parentKey == null && atDepth == 1 && !at.keys.contains("config");
        if (!config) {
            return null;
        }
        int end = at.end < 0 ? text.length() : at.end;
        String scope = text.substring(at.start, end);
        if (KeyDocs.typesFor(scope).size() != 1) {
            scope = text;
        }
        Range replaced = new Range(positionOf(lines, tokenStart), positionOf(lines, tokenEnd));
        return new Place(atKey, atValueOf, replaced, true, at.keys, scope);
    }

    private static boolean isBare(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    /** A YAML block: the lines around the cursor indented as it is, under the line that opens them. */
    private static Place yaml(String[] lines, Position position) {
        String line = lines[position.getLine()];
        String before = line.substring(0, Math.min(position.getCharacter(), line.length()));
        Matcher key = YAML_KEY.matcher(before);
        Matcher value = YAML_VALUE.matcher(before);
        int indent;
        Range replaced;
        boolean atKey;
        String valueOf = null;
        if (key.matches()) {
            indent = key.group(1).length();
            atKey = true;
            replaced = new Range(new Position(position.getLine(), indent), position);
        } else if (value.matches()) {
            indent = value.group(1).length();
            atKey = false;
            valueOf = value.group(2);
            replaced = new Range(new Position(position.getLine(), before.length() - value.group(4).length()), position);
        } else {
            return null;
        }
        int first = position.getLine();
        String parentKey = null;
        for (int i = position.getLine() - 1; i >= 0 && !lines[i].startsWith("---"); i--) {
            if (lines[i].isBlank() || lines[i].stripLeading().startsWith("#")) {
                continue;
            }
            int lineIndent = lines[i].length() - lines[i].stripLeading().length();
            if (lineIndent < indent) {
                Matcher entry = YAML_ENTRY.matcher(lines[i]);
                parentKey = entry.find() ? entry.group(3) : null;
                break;
            }
            first = i;
        }
        int last = position.getLine();
        for (int i = position.getLine() + 1; i < lines.length && !lines[i].startsWith("---"); i++) {
            if (!lines[i].isBlank() && lines[i].length() - lines[i].stripLeading().length() < indent) {
                break;
            }
            last = i;
        }
        Set<String> present = new HashSet<>();
        for (int i = first; i <= last; i++) {
            Matcher entry = YAML_ENTRY.matcher(lines[i]);
            if (i != position.getLine() && entry.find() && entry.group(1).length() == indent) {
                present.add(entry.group(3));
            }
        }
        if (!"config".equals(parentKey) && !present.contains("connector.class")) {
            return null;
        }
        return new Place(atKey, valueOf, replaced, false, present, yamlDocument(lines, position.getLine()));
    }

    /** The YAML document a line is in: between the --- lines around it. */
    private static String yamlDocument(String[] lines, int line) {
        int start = line;
        while (start > 0 && !lines[start - 1].startsWith("---")) {
            start--;
        }
        int end = line;
        while (end + 1 < lines.length && !lines[end + 1].startsWith("---")) {
            end++;
        }
        return String.join("\n", List.of(lines).subList(start, end + 1));
    }

    private static Place properties(String text, String[] lines, Position position) {
        String line = lines[position.getLine()];
        String before = line.substring(0, Math.min(position.getCharacter(), line.length()));
        Set<String> present = new HashSet<>();
        Matcher entries = PROPERTIES_ENTRY.matcher(text);
        Map<Integer, String> byLine = new LinkedHashMap<>();
        while (entries.find()) {
            int lineNumber = (int) text.substring(0, entries.start()).chars().filter(c -> c == '\n').count();
            byLine.put(lineNumber, entries.group(1));
        }
        byLine.forEach((lineNumber, key) -> {
            if (lineNumber != position.getLine()) {
                present.add(key);
            }
        });
        Matcher key = PROPERTIES_KEY.matcher(before);
        if (key.matches()) {
            return new Place(true, null, new Range(new Position(position.getLine(), 0), position), false, present, text);
        }
        Matcher value = PROPERTIES_VALUE.matcher(before);
        if (value.matches()) {
            return new Place(false, value.group(1), new Range(new Position(position.getLine(),
                    before.length() - value.group(2).length()), position), false, present, text);
        }
        return null;
    }

    private static int offsetOf(String[] lines, Position position) {
        int offset = 0;
        for (int i = 0; i < position.getLine(); i++) {
            offset += lines[i].length() + 1;
        }
        return offset + Math.min(position.getCharacter(), lines[position.getLine()].length());
    }

    private static Position positionOf(String[] lines, int offset) {
        int line = 0;
        while (line < lines.length - 1 && offset > lines[line].length()) {
            offset -= lines[line].length() + 1;
            line++;
        }
        return new Position(line, offset);
    }
}
