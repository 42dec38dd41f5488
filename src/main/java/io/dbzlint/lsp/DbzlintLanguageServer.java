package io.dbzlint.lsp;

import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.engine.LintRequest;
import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Fix;
import io.dbzlint.result.LintResult;
import io.dbzlint.source.Input;
import io.dbzlint.source.Source;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * dbzlint as a language server: the workspace's connector files are read once, open documents
 * are linted from the editor's text on every change, together with the rest of the workspace, so
 * a cross-file finding (one server id in two files) shows in every open file it involves. Fixes
 * are quick fixes; a key's hover is its catalog description and default.
 */
public final class DbzlintLanguageServer implements LanguageServer, LanguageClientAware {

    private final String version;
    private final Runnable onExit;
    private volatile boolean shutdown;
    private LanguageClient client;
    private LintSession session;
    private Path root;
    /** Workspace inputs by file, as last read from disk or given by the editor. */
    private final Map<Path, WorkspaceFile> inputs = new LinkedHashMap<>();
    /** Open documents: their text, as the editor has it. */
    private final Map<Path, String> open = new LinkedHashMap<>();
    /** The version of each open document's text, which its diagnostics carry back. */
    private final Map<Path, Integer> versions = new LinkedHashMap<>();
    private boolean watchesFilesForUs;
    /** The last findings of each open document, for code actions. */
    private final Map<Path, List<Finding>> findings = new LinkedHashMap<>();
    private final TextDocuments documents = new TextDocuments();
    private final Workspace workspace = new Workspace();

    private record WorkspaceFile(InputId id, byte[] bytes) {
    }

    /** @param onExit what ends the server when the client says exit: the stream may stay open */
    public DbzlintLanguageServer(String version, Runnable onExit) {
        this.version = version;
        this.onExit = onExit;
    }

    /** True once the client asked for shutdown: an exit after it is a clean one (exit code 0). */
    public boolean wasShutDown() {
        return shutdown;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public synchronized CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        root = rootOf(params);
        watchesFilesForUs = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && params.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getDidChangeWatchedFiles()
                        .getDynamicRegistration());
        try {
            session = LintSession.open(LintSession.Options.in(root)).remembering();
        } catch (SessionException e) {
            session = LintSession.bundled(root).remembering(); // a broken project config: the bundled rules
        }
        read(List.of("."));
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
        capabilities.setCodeActionProvider(true);
        capabilities.setHoverProvider(true);
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of("\"")));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("dbzlint", version)));
    }

    /** Reads the connector files among the paths (files or folders, as lint takes them) into the workspace. */
    private void read(List<String> paths) {
        Source.Found found = session.find(session.sources(paths, InputStream.nullInputStream(), null));
        for (Input source : found.inputs()) {
            source.path().ifPresent(path -> {
                try {
                    inputs.put(path.toAbsolutePath().normalize(), new WorkspaceFile(source.id(), source.read()));
                } catch (IOException e) {
                    // unreadable or too large: the command line reports it; the editor lints what it can
                }
            });
        }
    }

    /**
     * Asks the client to tell of connector files created, changed or deleted on disk, where it can
     * (dynamic registration): a file another tool writes changes the cross-file findings too.
     */
    @Override
    public void initialized(InitializedParams params) {
        if (!watchesFilesForUs) {
            return;
        }
        String glob = "**/*.{" + String.join(",", InputFormat.extensions()) + "}";
        DidChangeWatchedFilesRegistrationOptions options = new DidChangeWatchedFilesRegistrationOptions(
                List.of(new FileSystemWatcher(Either.forLeft(glob))));
        client.registerCapability(new RegistrationParams(List.of(new Registration("dbzlint-watched-files",
                "workspace/didChangeWatchedFiles", options))));
    }

    private static Path rootOf(InitializeParams params) {
        if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
            return Path.of(URI.create(params.getWorkspaceFolders().get(0).getUri()));
        }
        if (params.getRootUri() != null) {
            return Path.of(URI.create(params.getRootUri()));
        }
        return Path.of("").toAbsolutePath();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    /** Lints the workspace with the open documents' text, and publishes each open document's findings. */
    synchronized void relint() {
        List<Input> sources = new ArrayList<>();
        Map<InputId, Path> pathOf = new LinkedHashMap<>();
        inputs.forEach((path, input) -> {
            String text = open.get(path);
            sources.add(Input.ofBytes(input.id(), text == null ? input.bytes() : text.getBytes(StandardCharsets.UTF_8)));
            pathOf.put(input.id(), path);
        });
        open.forEach((path, text) -> {
            if (!inputs.containsKey(path)) { // an open file outside the workspace's connector files
                InputId id = new InputId(path.toString(), null,
                        InputFormat.forFileName(path.toString()).orElse(InputFormat.JSON));
                sources.add(Input.ofBytes(id, text.getBytes(StandardCharsets.UTF_8)));
                pathOf.put(id, path);
            }
        });
        LintResult result;
        try {
            result = session.run(LintRequest.of(sources)).result();
        } catch (SessionException e) {
            return;
        }
        Map<Path, List<Finding>> byPath = new LinkedHashMap<>();
        open.keySet().forEach(path -> byPath.put(path, new ArrayList<>()));
        for (Finding finding : result.findings()) {
            Path path = pathOf.get(finding.location().input());
            if (path != null && byPath.containsKey(path)) {
                byPath.get(path).add(finding);
            }
        }
        findings.clear();
        findings.putAll(byPath);
        // the version of the text these findings are of: a client drops diagnostics of an older one
        byPath.forEach((path, list) -> client.publishDiagnostics(new PublishDiagnosticsParams(path.toUri().toString(),
                list.stream().map(finding -> diagnostic(finding, pathOf)).toList(), versions.get(path))));
    }

    private static Diagnostic diagnostic(Finding finding, Map<InputId, Path> pathOf) {
        Diagnostic diagnostic = new Diagnostic(range(finding.location()), finding.message(),
                switch (finding.severity()) {
                    case ERROR -> DiagnosticSeverity.Error;
                    case WARNING -> DiagnosticSeverity.Warning;
                    case INFO -> DiagnosticSeverity.Information;
                }, "dbzlint", finding.ruleId());
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Location other : finding.related()) {
            Path path = pathOf.get(other.input());
            if (path != null) {
                related.add(new DiagnosticRelatedInformation(
                        new org.eclipse.lsp4j.Location(path.toUri().toString(), range(other)), "also here"));
            }
        }
        if (!related.isEmpty()) {
            diagnostic.setRelatedInformation(related);
        }
        return diagnostic;
    }

    /** dbzlint counts lines and UTF-16 columns from 1; the protocol counts both from 0. */
    static Range range(Location location) {
        return new Range(new Position(location.line() - 1, location.column() - 1),
                new Position(location.endLine() - 1, location.endColumn() - 1));
    }

    private static Path pathOf(String uri) {
        return Path.of(URI.create(uri)).toAbsolutePath().normalize();
    }

    private final class TextDocuments implements TextDocumentService {

        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
            synchronized (DbzlintLanguageServer.this) {
                Path path = pathOf(params.getTextDocument().getUri());
                open.put(path, params.getTextDocument().getText());
                versions.put(path, params.getTextDocument().getVersion());
            }
            relint();
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
            synchronized (DbzlintLanguageServer.this) {
                // full sync: the one change is the whole text
                Path path = pathOf(params.getTextDocument().getUri());
                open.put(path, params.getContentChanges().get(params.getContentChanges().size() - 1).getText());
                versions.put(path, params.getTextDocument().getVersion());
            }
            relint();
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
            Path path = pathOf(params.getTextDocument().getUri());
            synchronized (DbzlintLanguageServer.this) {
                open.remove(path);
                versions.remove(path);
                findings.remove(path);
            }
            client.publishDiagnostics(new PublishDiagnosticsParams(params.getTextDocument().getUri(), List.of()));
            relint();
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
            Path path = pathOf(params.getTextDocument().getUri());
            synchronized (DbzlintLanguageServer.this) {
                WorkspaceFile input = inputs.get(path);
                String text = open.get(path);
                if (input != null && text != null) {
                    inputs.put(path, new WorkspaceFile(input.id(), text.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }

        @Override
        public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
            Path path = pathOf(params.getTextDocument().getUri());
            List<Either<Command, CodeAction>> actions = new ArrayList<>();
            synchronized (DbzlintLanguageServer.this) {
                for (Finding finding : findings.getOrDefault(path, List.of())) {
                    if (finding.fix() == null || !overlaps(range(finding.location()), params.getRange())) {
                        continue;
                    }
                    CodeAction action = new CodeAction(finding.fix().description() + " (dbzlint " + finding.ruleId() + ")");
                    action.setKind(CodeActionKind.QuickFix);
                    // an editor applies a preferred fix on its own ("fix all"): only a safe one is
                    action.setIsPreferred(finding.fix().safety() == Fix.Safety.SAFE);
                    action.setEdit(new WorkspaceEdit(Map.of(params.getTextDocument().getUri(),
                            List.of(new TextEdit(range(finding.fix().range()), finding.fix().replacement())))));
                    actions.add(Either.forRight(action));
                }
            }
            return CompletableFuture.completedFuture(actions);
        }

        @Override
        public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
            Path path = pathOf(params.getTextDocument().getUri());
            String text;
            synchronized (DbzlintLanguageServer.this) {
                text = open.get(path);
            }
            List<CompletionItem> items = text == null ? List.of() : Completion.at(text, params.getPosition(),
                    InputFormat.forFileName(path.toString()).orElse(InputFormat.JSON), target());
            return CompletableFuture.completedFuture(Either.forLeft(items));
        }

        @Override
        public CompletableFuture<Hover> hover(HoverParams params) {
            String text;
            synchronized (DbzlintLanguageServer.this) {
                text = open.get(pathOf(params.getTextDocument().getUri()));
            }
            Optional<String> docs = text == null ? Optional.empty() : KeyDocs.at(text, params.getPosition());
            return CompletableFuture.completedFuture(docs.map(markdown ->
                    new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown))).orElse(null));
        }
    }

    /** The Debezium release completion offers keys of: the project's, as lint's target. */
    private synchronized DebeziumVersion target() {
        return session.ruleSet().parameters().debeziumVersion();
    }

    private static boolean overlaps(Range a, Range b) {
        return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
    }

    private static boolean before(Position a, Position b) {
        return a.getLine() < b.getLine() || a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter();
    }

    private final class Workspace implements WorkspaceService {

        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
        }

        /** A connector file created, changed or deleted on disk: the workspace is as the disk now has it. */
        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            synchronized (DbzlintLanguageServer.this) {
                List<String> added = new ArrayList<>();
                params.getChanges().forEach(change -> {
                    Path path = pathOf(change.getUri());
                    WorkspaceFile input = inputs.get(path);
                    if (change.getType() == FileChangeType.Deleted || !Files.isRegularFile(path)) {
                        inputs.remove(path);
                    } else if (input == null) {
                        added.add(path.toString()); // read as lint reads a file it is given
                    } else {
                        try {
                            inputs.put(path, new WorkspaceFile(input.id(), Files.readAllBytes(path)));
                        } catch (IOException e) {
                            inputs.remove(path);
                        }
                    }
                });
                if (!added.isEmpty()) {
                    read(added);
                }
            }
            relint();
        }
    }
}
