package io.dbzlint.load;

import io.dbzlint.json.Limits;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.model.ScriptBranches;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A Postman collection (v2: {@code "info": {"schema": "https://schema.getpostman.com/..."}}) whose
 * requests post connector configs to Kafka Connect: each request's raw body is a JSON string
 * holding the config, read where it is written, its escapes counted as the file writes them. A
 * {@code PUT /connectors/NAME/config} names the config it sends, as Kafka Connect does.
 */
final class PostmanCollections {

    private static final JsonFactory JSON = Limits.jsonFactory();
    private static final String SCHEMA_HOST = "schema.getpostman.com";
    /** The nesting of an entry of the collection's top-level item array: the root object, the array, the entry. */
    private static final int TOP_ITEM_DEPTH = 3;

    private PostmanCollections() {
    }

    /** Whether a JSON text is a Postman collection with a connector config in a request. */
    static boolean mayHoldConnector(String text) {
        return text.contains(SCHEMA_HOST) && text.contains("connector.class");
    }

    /** A request of the collection: its method, its URL and where it is written, where its raw body's string starts. */
    private static final class Request {
        final int depth;
        /** The collection's top-level folder the request is in; -1 for a request at the top. */
        final int folder;
        String method = "";
        String url;
        int urlQuote = -1;
        int bodyQuote = -1;
        /** The raw body's language, as Postman's editor marks it: "json" has its comments removed on sending. */
        String language = "";

        Request(int depth, int folder) {
            this.depth = depth;
            this.folder = folder;
        }
    }

    /** The configs the collection's requests send; empty when it is no collection JSON reads. */
    static LoadedFile read(InputId path, String text) {
        char[] chars = text.toCharArray();
        List<Request> requests = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), chars)) {
            Deque<Request> open = new ArrayDeque<>();
            int top = -1;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int depth = parser.streamReadContext().getNestingDepth();
                if (token == JsonToken.START_OBJECT && depth == TOP_ITEM_DEPTH) {
                    top = parser.streamReadContext().getParent().getCurrentIndex();
                } else if (token == JsonToken.START_OBJECT && "request".equals(parser.currentName())) {
                    open.push(new Request(depth, depth > TOP_ITEM_DEPTH + 1 ? top : -1));
                } else if (token == JsonToken.END_OBJECT && !open.isEmpty() && open.peek().depth == depth + 1) {
                    requests.add(open.pop());
                } else if (token == JsonToken.VALUE_STRING && !open.isEmpty()) {
                    note(open.peek(), parser, depth);
                }
            }
        } catch (JacksonException e) {
            return new LoadedFile(path, List.of(), List.of()); // not a collection Postman would import
        }
        EmbeddedJson.LineIndex lines = new EmbeddedJson.LineIndex(chars);
        List<Connector> connectors = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        long[][] folders = new long[lines.line(chars.length)][];
        java.util.Set<Integer> foldersWithConfigs = new java.util.HashSet<>();
        for (Request request : requests) {
            if (!HttpRequests.appliesConfig(request.method, request.url)) {
                continue; // a body Kafka Connect never reads: a pause, a restart, a GET
            }
            DecodedString body = request.bodyQuote < 0 ? null : DecodedString.at(chars, request.bodyQuote, lines);
            if (body == null || !new String(body.text()).contains("\"connector.class\"")) {
                continue;
            }
            int start = 0;
            while (start < body.text().length && Character.isWhitespace(body.text()[start])) {
                start++;
            }
            JsonConnectors.Window window = body.windowFrom(start);
            Optional<JsonConnectors.Embedded> read = start < body.text().length && body.text()[start] == '{'
                    ? JsonConnectors.readEmbedded(path, body.text(), start, window) : Optional.empty();
            if (read.isEmpty()) {
                continue; // a body Postman fills in ({{tasks}} unquoted) is JSON only once sent
            }
            for (Connector connector : read.get().connectors()) {
                connectors.add(named(path, request, chars, lines, connector, window.fileLine()));
            }
            for (LoadProblem problem : read.get().problems()) {
                // Postman removes comments from a raw JSON body before it sends it (postman-runtime,
                // since Postman 7.32); a trailing comma it sends as written
                if (!(request.language.equals("json") && LenientSyntax.isComment(problem))) {
                    problems.add(problem);
                }
            }
            if (request.folder >= 0) {
                foldersWithConfigs.add(request.folder);
                int last = lines.line(request.bodyQuote + body.length());
                for (int line = lines.line(request.bodyQuote); line <= last; line++) {
                    folders[line - 1] = new long[] {ScriptBranches.arm(0, request.folder)};
                }
            }
        }
        // the requests of two top-level folders are two scenarios (a lab each, MySQL or MongoDB), sent one
        // folder at a time: alternatives, as the arms of a script's if and else
        ScriptBranches branches = foldersWithConfigs.size() < 2 ? ScriptBranches.NONE
                : new ScriptBranches(folders, java.util.Set.of(), List.of());
        return new LoadedFile(path, connectors, problems, branches);
    }

    /** A string of the innermost open request: its method, its URL (a string or {"raw": ...}), its raw body. */
    private static void note(Request request, JsonParser parser, int depth) {
        String name = parser.currentName();
        TokenStreamContext holder = parser.streamReadContext();
        String holderName = holder.getParent() == null ? null : holder.getParent().currentName();
        int quote = (int) parser.currentTokenLocation().getCharOffset();
        if (depth == request.depth) {
            if ("method".equals(name)) {
                request.method = parser.getString();
            } else if ("url".equals(name)) {
                request.url = parser.getString();
                request.urlQuote = quote;
            }
        } else if (depth == request.depth + 3 && "language".equals(name)) {
            request.language = parser.getString(); // body.options.raw.language
        } else if (depth == request.depth + 1 && "raw".equals(name)) {
            if ("url".equals(holderName)) {
                request.url = parser.getString();
                request.urlQuote = quote;
            } else if ("body".equals(holderName)) {
                request.bodyQuote = quote;
            }
        }
    }

    /** The config a {@code PUT /connectors/NAME/config} sends is NAME's, at NAME in the URL when written plainly. */
    private static Connector named(InputId path, Request request, char[] chars, EmbeddedJson.LineIndex lines,
            Connector connector, int line) {
        if (!"PUT".equalsIgnoreCase(request.method) || request.url == null) {
            return connector;
        }
        Matcher put = HttpRequests.putName("PUT " + request.url);
        if (put == null) {
            return connector;
        }
        boolean validate = put.group(1) == null;
        String name = put.group(validate ? 2 : 1);
        int at = request.urlQuote + 1 + put.start(validate ? 2 : 1) - "PUT ".length();
        boolean plain = at + name.length() <= chars.length && new String(chars, at, name.length()).equals(name);
        Location where = plain ? new Location(path, lines.line(at), lines.column(at), lines.line(at),
                lines.column(at) + name.length()) : Location.at(path, lines.line(request.urlQuote), lines.column(request.urlQuote));
        return validate ? EmbeddedJson.validated(connector, name, where) : EmbeddedJson.put(connector, name, where, line);
    }
}
