package io.dbzlint.load;

import io.dbzlint.model.ScriptBranches;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a shell script's conditionals and curl uploads, in one pass over its text: words, quotes,
 * comments, heredoc bodies, operators, and the keywords that open and close {@code if},
 * {@code case}, loops and blocks. Only a script whose structure closes as it opens is described;
 * for any other, nothing is known ({@link ScriptBranches#NONE}), so no two connectors are thought
 * alternatives by mistake.
 */
final class ShellBranches {

    private static final Set<String> DATA_OPTIONS = Set.of("-d", "--data", "--data-binary", "--data-ascii",
            "--data-urlencode");

    private enum Kind { IF, CASE, LOOP, BLOCK, SUBSHELL, REST }

    private static final class Frame {
        final Kind kind;
        final int id;
        int arm;

        Frame(Kind kind, int id, int arm) {
            this.kind = kind;
            this.id = id;
            this.arm = arm;
        }
    }

    private final String text;
    private final List<long[]> paths = new ArrayList<>();
    private final Set<Long> exiting = new HashSet<>();
    private final Set<Integer> exitingConditionals = new HashSet<>();
    private final List<ScriptBranches.Post> posts = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<String> heredocs = new ArrayList<>();
    private long[] current = new long[0];
    private boolean branched;
    private boolean broken;
    private int conditionals;
    private int line = 1;
    private boolean commandPosition = true;
    private boolean awaitingIn;
    private boolean casePattern;
    private String previousWord = "";
    /** The names of the files the script appends to. */
    private final Set<String> appends = new HashSet<>();
    /** Words of the current command so far. */
    private int commandWords;
    /** Whether the current command is {@code cat}, and the files it names. */
    private boolean catting;
    private final List<ScriptBranches.Post> catted = new ArrayList<>();
    /** Whether the current command ends in a pipe; the files a {@code cat} piped into the current command. */
    private boolean pipes;
    private List<ScriptBranches.Post> piped = List.of();
    /** Whether the current command names Kafka Connect's /connectors. */
    private boolean commandToConnect;
    /** The current command's stdin redirects ({@code < file}), posts if it goes to /connectors. */
    private final List<ScriptBranches.Post> redirected = new ArrayList<>();
    /** Where the current command's uploads start in {@link #posts}. */
    private int commandPosts;
    /** The connector a {@code /connectors/NAME/config} URL of the current command names, or null. */
    private String commandConnector;

    private ShellBranches(String text) {
        this.text = text;
    }

    static ScriptBranches of(String text) {
        return new ShellBranches(text).scan().commentingOut(commentedOutPosts(text));
    }

    /** A comment line's text after its #s. */
    private static final Pattern COMMENT = Pattern.compile("^\\s*#+\\s?(.*)$");

    /**
     * The files the script's commented-out commands post ({@code # curl -X POST ... -d @other.json},
     * continued over commented lines ending in a backslash).
     */
    static Set<String> commentedOutPosts(String text) {
        if (!text.contains("/connectors")) {
            return Set.of();
        }
        Set<String> files = new java.util.HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            Matcher comment = COMMENT.matcher(lines[l]);
            if (!comment.matches() || !CURL.matcher(comment.group(1)).find()) {
                continue;
            }
            StringBuilder command = new StringBuilder(comment.group(1));
            while (continued(command.toString()) && l + 1 < lines.length) {
                Matcher next = COMMENT.matcher(lines[l + 1]);
                if (!next.matches()) {
                    break;
                }
                command.append('\n').append(next.group(1));
                l++;
            }
            if (command.indexOf("/connectors") >= 0) {
                new ShellBranches(command.toString().replace("\r", "")).scan().posts()
                        .forEach(post -> files.add(post.file()));
            }
        }
        return files;
    }

    /** A command on a page that may post a file: curl, or HTTPie fed by cat or a redirect. */
    private static final Pattern CURL = Pattern.compile("(?<![\\w./-])(?:curl|cat|https?)(?=\\s)");

    /**
     * The files a documentation page's curl commands post ({@code curl ... -d @register.json}), each
     * command read as a script of its own from its {@code curl} through the lines a backslash
     * continues: a page's prose and output around it are no script. A page has no branches.
     */
    static ScriptBranches uploadsOf(String page) {
        if (!page.contains("/connectors")) {
            return ScriptBranches.NONE;
        }
        List<ScriptBranches.Post> posts = new ArrayList<>();
        String[] lines = page.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            Matcher curl = CURL.matcher(lines[l]);
            if (!curl.find()) {
                continue;
            }
            String first = lines[l].substring(curl.start());
            // `curl ... -d @file` written inline ends at its closing backtick
            boolean inline = lines[l].substring(0, curl.start()).endsWith("`");
            StringBuilder command = new StringBuilder(inline && first.indexOf('`') >= 0
                    ? first.substring(0, first.indexOf('`')) : first);
            int last = l;
            while (!inline && continued(lines[last]) && last + 1 < lines.length) {
                command.append('\n').append(lines[++last]);
            }
            for (ScriptBranches.Post post : of(command.toString().replace("\r", "")).posts()) {
                posts.add(new ScriptBranches.Post(post.file(), post.line() + l, new long[0], post.connector()));
            }
            l = last;
        }
        return posts.isEmpty() ? ScriptBranches.NONE : new ScriptBranches(new long[0][], Set.of(), posts);
    }

    private static boolean continued(String line) {
        String end = line.stripTrailing();
        return end.endsWith("\\");
    }

    private ScriptBranches scan() {
        paths.add(current);
        int n = text.length();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        int wordLine = 1;
        int i = 0;
        while (i < n && !broken) {
            char c = text.charAt(i);
            if (c == '\n') {
                quoted = endWord(word, quoted, wordLine);
                newline();
                i = skipHeredocs(i + 1);
                continue;
            }
            if (word.length() == 0) {
                wordLine = line;
            }
            if (c == '\\' && i + 1 < n) {
                if (text.charAt(i + 1) == '\n') {
                    nextLine();
                } else {
                    word.append(text.charAt(i + 1));
                }
                i += 2;
            } else if (c == '#' && word.length() == 0) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                append(word, i + 1, end);
                quoted = true;
                i = end + 1;
            } else if (c == '"') {
                int end = closingQuote(i + 1);
                append(word, i + 1, end);
                quoted = true;
                i = end + 1;
            } else if (c == '$' && i + 1 < n && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '{')) {
                int end = closingBracket(i + 1);
                append(word, i, Math.min(n, end + 1));
                quoted = true; // a substitution is never a keyword
                i = end + 1;
            } else if (c == '<' && text.startsWith("<<", i) && !text.startsWith("<<<", i)) {
                quoted = endWord(word, quoted, wordLine);
                i = heredoc(i + 2);
            } else if (c == '&' && word.length() > 0 && (word.charAt(word.length() - 1) == '>'
                    || word.charAt(word.length() - 1) == '<')) {
                word.append(c); // 2>&1, not a background job
                i++;
            } else if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
                quoted = endWord(word, quoted, wordLine);
                int length = operatorLength(i);
                operator(text.substring(i, i + length));
                i += length;
            } else if (Character.isWhitespace(c)) {
                quoted = endWord(word, quoted, wordLine);
                i++;
            } else {
                word.append(c);
                i++;
            }
        }
        endWord(word, quoted, wordLine);
        endCommand();
        closeRests();
        if (broken || !frames.isEmpty() || !branched && posts.isEmpty()) {
            return (posts.isEmpty() || broken ? ScriptBranches.NONE
                    : new ScriptBranches(new long[0][], Set.of(), posts)).appending(appends);
        }
        return new ScriptBranches(paths.toArray(new long[0][]), exiting, posts, appends);
    }

    private void append(StringBuilder word, int from, int to) {
        for (int j = from; j < to; j++) {
            if (text.charAt(j) == '\n') {
                nextLine();
            }
        }
        word.append(text, from, to);
    }

    private int closingQuote(int from) {
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j;
            }
        }
        return text.length();
    }

    /** The bracket closing the one at {@code open}, counting nesting and skipping quotes. */
    private int closingBracket(int open) {
        char opening = text.charAt(open);
        char closing = opening == '(' ? ')' : '}';
        int depth = 0;
        for (int j = open; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\'' && opening == '(') {
                int end = text.indexOf('\'', j + 1);
                j = end < 0 ? text.length() : end;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return j;
            }
        }
        return text.length();
    }

    private int operatorLength(int i) {
        for (String operator : new String[] {";;&", ";;", ";&", "&&", "||"}) {
            if (text.startsWith(operator, i)) {
                return operator.length();
            }
        }
        return 1;
    }

    /** {@code <<EOF}, {@code <<-'EOF'}: the body is read after the line ends. */
    private int heredoc(int i) {
        int n = text.length();
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        StringBuilder delimiter = new StringBuilder();
        while (i < n && !Character.isWhitespace(text.charAt(i)) && ";&|()<>".indexOf(text.charAt(i)) < 0) {
            char c = text.charAt(i++);
            if (c != '\'' && c != '"' && c != '\\') {
                delimiter.append(c);
            }
        }
        if (delimiter.length() > 0) {
            heredocs.add(delimiter.toString());
        }
        return i;
    }

    /** Past the bodies of the heredocs opened on the line just ended; their lines take the current arm. */
    private int skipHeredocs(int i) {
        for (String delimiter : heredocs) {
            while (i < text.length()) {
                int end = text.indexOf('\n', i);
                int lineEnd = end < 0 ? text.length() : end;
                boolean last = text.substring(i, lineEnd).strip().equals(delimiter);
                i = lineEnd + 1;
                if (end >= 0) {
                    nextLine();
                }
                if (last) {
                    break;
                }
            }
        }
        heredocs.clear();
        return Math.min(i, text.length());
    }

    private void newline() {
        endCommand();
        nextLine();
        if (!casePattern) {
            commandPosition = true;
        }
    }

    private void nextLine() {
        line++;
        paths.add(current);
    }

    private boolean endWord(StringBuilder word, boolean quoted, int wordLine) {
        if (word.length() == 0 && !quoted) {
            return false;
        }
        String w = word.toString();
        word.setLength(0);
        word(w, quoted, wordLine);
        return false;
    }

    private void word(String w, boolean quoted, int wordLine) {
        commandWords++;
        String appended = previousWord.equals(">>") ? w : w.startsWith(">>") && w.length() > 2 ? w.substring(2) : null;
        if (appended != null && appended.indexOf('$') < 0 && !appended.startsWith("&")
                && !appended.equals("/dev/null")) {
            appends.add(appended.substring(appended.lastIndexOf('/') + 1));
        }
        if (catting && !w.startsWith("-") && w.indexOf('$') < 0 && !w.isEmpty()) {
            catted.add(new ScriptBranches.Post(w, wordLine, current));
        }
        catting |= commandPosition && !quoted && !casePattern && w.equals("cat");
        post(w, wordLine);
        previousWord = w;
        if (casePattern) {
            if (!quoted && w.equals("esac")) {
                casePattern = false;
                close(Kind.CASE);
            }
            return; // a pattern, up to its ')'
        }
        if (awaitingIn && !quoted && w.equals("in")) {
            awaitingIn = false;
            casePattern = true;
            return;
        }
        if (!quoted && w.equals("{")) {
            push(Kind.BLOCK, 0, 0); // a function's body, also after "function name"
            commandPosition = true;
            return;
        }
        if (!quoted && w.equals("}")) {
            close(Kind.BLOCK);
            return;
        }
        if (!commandPosition || quoted) {
            return;
        }
        switch (w) {
            case "if" -> push(Kind.IF, ++conditionals, 0);
            case "then", "do", "!" -> { }
            case "elif", "else" -> {
                closeRests();
                Frame top = frames.peek();
                if (top == null || top.kind != Kind.IF) {
                    broken = true;
                } else {
                    top.arm++;
                    changed();
                }
            }
            case "fi" -> close(Kind.IF);
            case "case" -> {
                push(Kind.CASE, ++conditionals, -1);
                awaitingIn = true;
                commandPosition = false;
            }
            case "esac" -> close(Kind.CASE);
            case "for", "while", "until", "select" -> {
                push(Kind.LOOP, 0, 0);
                commandPosition = w.equals("while") || w.equals("until");
            }
            case "done" -> close(Kind.LOOP);
            case "exit" -> {
                exits();
                placed(wordLine);
            }
            default -> placed(wordLine);
        }
    }

    /** A command starts on this line: the line is in the arms the command is in (after "then", a pattern's ")"). */
    private void placed(int wordLine) {
        paths.set(wordLine - 1, current);
        commandPosition = false;
    }

    /**
     * {@code /connectors/NAME/config}, the URL Kafka Connect takes a connector's config at with
     * PUT; a literal name only, as a variable's value is not known.
     */
    private static final Pattern CONFIG_URL = Pattern.compile("/connectors/([A-Za-z0-9._-]{1,200})/config/?(?:[?#].*)?");

    /** A command ends: its uploads sent to {@code /connectors/NAME/config} are NAME's config. */
    private void endCommand() {
        if (commandWords == 0) {
            return; // an empty command: a pipe's next command may still come on the next line
        }
        commandWords = 0;
        if (commandToConnect) {
            posts.addAll(redirected); // http POST :8083/connectors < register.json
            posts.addAll(piped); // cat register.json | http POST :8083/connectors
        }
        redirected.clear();
        // through a filter (cat x.json | jq . | http POST ...) the body goes on
        piped = !pipes ? List.of() : catting ? List.copyOf(catted) : commandToConnect ? List.of() : piped;
        pipes = false;
        catting = false;
        catted.clear();
        commandToConnect = false;
        if (commandConnector != null) {
            for (int i = commandPosts; i < posts.size(); i++) {
                posts.set(i, posts.get(i).named(commandConnector));
            }
        }
        commandPosts = posts.size();
        commandConnector = null;
    }

    /** A curl upload: {@code -d @file}, {@code --data-binary @file}, {@code -d@file}. */
    private void post(String w, int wordLine) {
        commandToConnect |= w.contains("/connectors");
        int url = w.indexOf("/connectors/");
        if (url >= 0) {
            Matcher config = CONFIG_URL.matcher(w);
            if (config.find(url) && config.end() == w.length()) {
                commandConnector = config.group(1);
            }
        }
        String file = null;
        if (w.startsWith("@") && DATA_OPTIONS.contains(previousWord)) {
            file = w.substring(1);
        } else if (w.startsWith("-d@")) {
            file = w.substring(3);
        } else if (w.startsWith("--data=@") || w.startsWith("--data-binary=@")) {
            file = w.substring(w.indexOf('@') + 1);
        }
        if (file != null && !file.isEmpty() && !file.equals("-") && file.indexOf('$') < 0) {
            posts.add(new ScriptBranches.Post(file, wordLine, current));
        }
        // a body redirected into an HTTP client (HTTPie reads stdin as the body): a post when the
        // command goes to Kafka Connect's /connectors, known when the command ends
        String redirect = previousWord.equals("<") ? w : w.length() > 1 && w.charAt(0) == '<' ? w.substring(1) : null;
        if (redirect != null && redirect.indexOf('$') < 0 && redirect.charAt(0) != '<' && redirect.charAt(0) != '(') {
            redirected.add(new ScriptBranches.Post(redirect, wordLine, current));
        }
    }

    private void operator(String operator) {
        pipes = operator.equals("|");
        endCommand();
        switch (operator) {
            case ";;", ";&", ";;&" -> {
                closeRests();
                Frame top = frames.peek();
                if (top != null && top.kind == Kind.CASE) {
                    casePattern = true;
                }
            }
            case "(" -> {
                if (casePattern) {
                    return; // (pattern) written with its optional opening parenthesis
                }
                if (commandPosition) {
                    push(Kind.SUBSHELL, 0, 0);
                }
                commandPosition = true;
            }
            case ")" -> {
                if (casePattern) {
                    casePattern = false;
                    Frame top = frames.peek();
                    if (top != null && top.kind == Kind.CASE) {
                        top.arm++;
                        changed();
                    }
                } else {
                    closeRests();
                    Frame top = frames.peek();
                    if (top != null && top.kind == Kind.SUBSHELL) {
                        frames.pop();
                        changed();
                    }
                }
                commandPosition = true;
            }
            default -> commandPosition = !casePattern;
        }
    }

    private void push(Kind kind, int id, int arm) {
        frames.push(new Frame(kind, id, arm));
        if (kind == Kind.IF || kind == Kind.CASE) {
            branched = true;
        }
        changed();
    }

    /** {@code fi}, {@code esac}, {@code done}, {@code }}: what follows an exiting arm inside ends with it. */
    private void close(Kind kind) {
        closeRests();
        Frame top = frames.peek();
        if (top == null || top.kind != kind) {
            broken = true;
            return;
        }
        frames.pop();
        if (exitingConditionals.contains(top.id) && (kind == Kind.IF || kind == Kind.CASE)) {
            frames.push(new Frame(Kind.REST, top.id, 0));
        }
        changed();
    }

    private void closeRests() {
        boolean popped = false;
        while (!frames.isEmpty() && frames.peek().kind == Kind.REST) {
            frames.pop();
            popped = true;
        }
        if (popped) {
            changed();
        }
    }

    /** {@code exit} directly in an arm: that arm ends the script. */
    private void exits() {
        for (Frame frame : frames) {
            if (frame.kind == Kind.REST) {
                continue;
            }
            if (frame.kind == Kind.IF || frame.kind == Kind.CASE) {
                exiting.add(ScriptBranches.arm(frame.id, frame.arm));
                exitingConditionals.add(frame.id);
            }
            return;
        }
    }

    private void changed() {
        List<Long> path = new ArrayList<>();
        for (var it = frames.descendingIterator(); it.hasNext(); ) {
            Frame frame = it.next();
            if (frame.kind == Kind.IF || frame.kind == Kind.CASE) {
                path.add(ScriptBranches.arm(frame.id, frame.arm));
            } else if (frame.kind == Kind.REST) {
                path.add(ScriptBranches.rest(frame.id));
            }
        }
        current = path.stream().mapToLong(Long::longValue).toArray();
    }
}
