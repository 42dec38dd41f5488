package io.dbzlint.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * A glob as {@code FileSystem.getPathMatcher("glob:...")} reads it ({@code *} within a folder,
 * {@code **} across folders, {@code ?}, {@code [a-z]}, {@code [!a]}, {@code {a,b}}, {@code \}
 * escapes), matched in time proportional to the pattern times the path. The JDK turns a glob into
 * a regular expression that backtracks: {@code *a*a*a*a*a*a*a*ab} from a pull request's config
 * against one 60-character name took a minute.
 */
public final class GlobPattern {

    /** How many alternatives {a,b} may expand to: past it, the pattern is refused. */
    private static final int MAX_ALTERNATIVES = 256;

    private enum Kind { LITERAL, ONE, STAR, GLOBSTAR, CLASS }

    private record Token(Kind kind, char literal, String set, boolean negated) {
        boolean accepts(char c) {
            return switch (kind) {
                case LITERAL -> c == literal;
                case ONE -> c != '/';
                case CLASS -> c != '/' && inSet(c) != negated;
                default -> false;
            };
        }

        private boolean inSet(char c) {
            for (int i = 0; i < set.length(); i++) {
                if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                    if (c >= set.charAt(i) && c <= set.charAt(i + 2)) {
                        return true;
                    }
                    i += 2;
                } else if (set.charAt(i) == c) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<List<Token>> alternatives;

    private GlobPattern(List<List<Token>> alternatives) {
        this.alternatives = alternatives;
    }

    static GlobPattern compile(String glob) {
        List<List<Token>> compiled = new ArrayList<>();
        for (String alternative : expand(glob)) {
            compiled.add(tokens(alternative, glob));
        }
        return new GlobPattern(compiled);
    }

    public boolean matches(String path) {
        for (List<Token> tokens : alternatives) {
            if (matches(tokens, path)) {
                return true;
            }
        }
        return false;
    }

    /** One pass over the path, keeping every pattern position still possible. */
    private static boolean matches(List<Token> tokens, String path) {
        int n = tokens.size();
        boolean[] states = new boolean[n + 1];
        states[0] = true;
        closeOverStars(tokens, states);
        for (int p = 0; p < path.length(); p++) {
            char c = path.charAt(p);
            boolean[] next = new boolean[n + 1];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (!states[i]) {
                    continue;
                }
                Token token = tokens.get(i);
                if (token.kind() == Kind.GLOBSTAR || token.kind() == Kind.STAR && c != '/') {
                    next[i] = true;
                    any = true;
                } else if (token.kind() != Kind.STAR && token.accepts(c)) {
                    next[i + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            closeOverStars(tokens, next);
            states = next;
        }
        return states[n];
    }

    /** A star matches nothing as well: the position after it is as reachable as it is. */
    private static void closeOverStars(List<Token> tokens, boolean[] states) {
        for (int i = 0; i < tokens.size(); i++) {
            Kind kind = tokens.get(i).kind();
            if (states[i] && (kind == Kind.STAR || kind == Kind.GLOBSTAR)) {
                states[i + 1] = true;
            }
        }
    }

    private static List<Token> tokens(String glob, String whole) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= glob.length()) {
                        throw new PatternSyntaxException("No character to escape", whole, i);
                    }
                    tokens.add(new Token(Kind.LITERAL, glob.charAt(++i), null, false));
                }
                case '?' -> tokens.add(new Token(Kind.ONE, c, null, false));
                case '*' -> {
                    boolean globstar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                    Kind kind = globstar ? Kind.GLOBSTAR : Kind.STAR;
                    if (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != kind) {
                        tokens.add(new Token(kind, c, null, false)); // a run of stars is one star
                    }
                    while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                    }
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new PatternSyntaxException("Missing ']'", whole, i);
                    }
                    boolean negated = glob.charAt(i + 1) == '!';
                    tokens.add(new Token(Kind.CLASS, c, glob.substring(i + (negated ? 2 : 1), close), negated));
                    i = close;
                }
                default -> tokens.add(new Token(Kind.LITERAL, c, null, false));
            }
        }
        return tokens;
    }

    /** The glob with each {a,b} group replaced by each of its alternatives in turn (groups do not nest). */
    private static List<String> expand(String glob) {
        List<String> done = new ArrayList<>();
        List<String> pending = new ArrayList<>(List.of(glob));
        while (!pending.isEmpty()) {
            String current = pending.remove(pending.size() - 1);
            int open = unescaped(current, '{', 0);
            if (open < 0) {
                done.add(current);
                continue;
            }
            int close = unescaped(current, '}', open + 1);
            if (close < 0) {
                throw new PatternSyntaxException("Missing '}'", glob, open);
            }
            if (unescaped(current.substring(open + 1, close), '{', 0) >= 0) {
                throw new PatternSyntaxException("Cannot nest groups", glob, open);
            }
            for (String choice : current.substring(open + 1, close).split(",", -1)) {
                pending.add(current.substring(0, open) + choice + current.substring(close + 1));
            }
            if (done.size() + pending.size() > MAX_ALTERNATIVES) {
                throw new PatternSyntaxException("More than " + MAX_ALTERNATIVES + " alternatives", glob, open);
            }
        }
        return done;
    }

    private static int unescaped(String text, char wanted, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}
