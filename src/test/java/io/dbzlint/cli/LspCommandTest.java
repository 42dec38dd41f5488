package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbzlint lsp} driven by LSP4J's client over the JSON-RPC byte streams, as an editor drives
 * it: initialize, didOpen, diagnostics, didChange, codeAction, hover, shutdown.
 */
class LspCommandTest {

    @TempDir
    Path workspace;

    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private LanguageServer server;
    private CompletableFuture<Integer> serving;

    @BeforeEach
    void start() throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        serving = CompletableFuture.supplyAsync(() -> {
            try {
                return LspCommand.serve(serverIn, serverOut);
            } catch (InterruptedException e) {
                return -1;
            }
        });
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        assertThat(serving.get(10, TimeUnit.SECONDS)).as("exit ends the server, the stream still open").isZero();
    }

    @Test
    void should_show_a_cross_file_finding_in_both_open_files_and_clear_it_on_change() throws Exception {
        copy("examples/mistakes/server-id-unique", "billing-mysql.json", "inventory-mysql.json");
        initialize();
        String billing = open("billing-mysql.json");
        assertThat(rules(next("billing-mysql.json"))).contains("server-id-unique");
        open("inventory-mysql.json");
        assertThat(rules(next("inventory-mysql.json"))).contains("server-id-unique");

        String changed = billing.replace("184054", "184077");
        assertThat(changed).isNotEqualTo(billing);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri("billing-mysql.json"), 2),
                List.of(new TextDocumentContentChangeEvent(changed))));
        assertThat(rules(next("billing-mysql.json"))).doesNotContain("server-id-unique");
        assertThat(rules(next("inventory-mysql.json"))).as("the other file is cleared too")
                .doesNotContain("server-id-unique");
    }

    @Test
    void should_offer_fixes_as_quick_fixes_and_hover_a_key_with_its_catalog_entry() throws Exception {
        copy("examples/mistakes/deprecated-property", "inventory-mysql-1x.json");
        initialize();
        String text = open("inventory-mysql-1x.json");
        List<Diagnostic> diagnostics = next("inventory-mysql-1x.json");
        Diagnostic deprecated = diagnostics.stream().filter(d -> d.getMessage().startsWith("table.whitelist"))
                .findFirst().orElseThrow();

        var actions = server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(uri("inventory-mysql-1x.json")), deprecated.getRange(),
                new CodeActionContext(List.of(deprecated)))).get(10, TimeUnit.SECONDS);
        assertThat(actions).singleElement().satisfies(action -> {
            var edit = action.getRight().getEdit().getChanges().get(uri("inventory-mysql-1x.json")).get(0);
            assertThat(edit.getNewText()).isEqualTo("table.include.list");
            int line = edit.getRange().getStart().getLine();
            String written = text.split("\n")[line].substring(edit.getRange().getStart().getCharacter(),
                    edit.getRange().getEnd().getCharacter());
            assertThat(written).isEqualTo("table.whitelist");
        });

        int line = List.of(text.split("\n")).indexOf(List.of(text.split("\n")).stream()
                .filter(l -> l.contains("\"tombstones.on.delete\"")).findFirst().orElseThrow());
        var hover = server.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier(uri("inventory-mysql-1x.json")), new Position(line, 8)))
                .get(10, TimeUnit.SECONDS);
        assertThat(hover.getContents().getRight().getValue()).contains("tombstones.on.delete").contains("Default: `true`");
    }

    @Test
    void should_offer_a_did_you_mean_as_a_quick_fix_that_is_not_preferred() throws Exception {
        Files.writeString(workspace.resolve("orders.json"), """
                {"name": "orders", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostnme": "postgres",
                  "topic.prefix": "postgres_prod",
                  "table.whitelist": "public.orders",
                  "snapshot.mode": "inital"
                }}
                """);
        initialize();
        open("orders.json");
        List<Diagnostic> diagnostics = next("orders.json");

        assertThat(quickFix(diagnostics, "did you mean database.hostname?")).satisfies(action -> {
            assertThat(action.getIsPreferred()).as("unsafe: offered, not applied on its own").isFalse();
            assertThat(action.getEdit().getChanges().get(uri("orders.json"))).singleElement()
                    .satisfies(edit -> assertThat(edit.getNewText()).isEqualTo("database.hostname"));
        });
        assertThat(quickFix(diagnostics, "did you mean initial?")).satisfies(action -> {
            assertThat(action.getIsPreferred()).isFalse();
            assertThat(action.getEdit().getChanges().get(uri("orders.json"))).singleElement()
                    .satisfies(edit -> assertThat(edit.getNewText()).isEqualTo("initial"));
        });
        assertThat(quickFix(diagnostics, "table.whitelist")).satisfies(action ->
                assertThat(action.getIsPreferred()).as("a rename Debezium made is safe").isTrue());
    }

    /** The one quick fix offered at the diagnostic whose message contains the words. */
    private CodeAction quickFix(List<Diagnostic> diagnostics, String words) throws Exception {
        Diagnostic diagnostic = diagnostics.stream().filter(d -> d.getMessage().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no diagnostic saying " + words + " in " + diagnostics));
        var actions = server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(uri("orders.json")), diagnostic.getRange(),
                new CodeActionContext(List.of(diagnostic)))).get(10, TimeUnit.SECONDS);
        assertThat(actions).as("quick fixes at %s", words).hasSize(1);
        assertThat(actions.get(0).getRight().getKind()).isEqualTo(CodeActionKind.QuickFix);
        return actions.get(0).getRight();
    }

    @Test
    void should_never_send_a_secret_to_the_editor_in_a_diagnostic_a_quick_fix_or_a_hover() throws Exception {
        Files.writeString(workspace.resolve("legacy.properties"), """
                name=inventory
                connector.class=io.debezium.connector.mysql.MySqlConnector
                database.password=S3cr3tPw
                database.history.producer.sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.\
                OAuthBearerLoginModule required clientId="c" clientSecret="C1i3ntS3cr3t";
                value.converter.basic.auth.user.info=user:B4s1cS3cr3t
                topic.prefix=mysql_prod
                """);
        initialize();
        String text = open("legacy.properties");
        List<Diagnostic> diagnostics = next("legacy.properties");
        assertThat(rules(diagnostics)).contains("plaintext-secret", "deprecated-property");

        StringBuilder sent = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) {
            sent.append(diagnostic.getMessage()).append('\n');
            for (var action : server.getTextDocumentService().codeAction(new CodeActionParams(
                    new TextDocumentIdentifier(uri("legacy.properties")), diagnostic.getRange(),
                    new CodeActionContext(List.of(diagnostic)))).get(10, TimeUnit.SECONDS)) {
                sent.append(action.getRight().getTitle()).append('\n');
                action.getRight().getEdit().getChanges().values()
                        .forEach(edits -> edits.forEach(edit -> sent.append(edit.getNewText()).append('\n')));
            }
        }
        List<String> lines = List.of(text.split("\n"));
        for (int line = 0; line < lines.size(); line++) {
            var hover = server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier(uri("legacy.properties")), new Position(line, 3)))
                    .get(10, TimeUnit.SECONDS);
            if (hover != null) {
                sent.append(hover.getContents().getRight().getValue()).append('\n');
            }
        }
        messages.forEach(message -> sent.append(message).append('\n'));

        assertThat(sent.toString()).as("what the editor was sent")
                .contains("schema.history.internal.producer.sasl.jaas.config")
                .doesNotContain("S3cr3tPw", "C1i3ntS3cr3t", "B4s1cS3cr3t");
    }

    private void initialize() throws Exception {
        InitializeParams params = new InitializeParams();
        params.setRootUri(workspace.toUri().toString());
        var result = server.initialize(params).get(30, TimeUnit.SECONDS);
        assertThat(result.getCapabilities().getCodeActionProvider().getLeft()).isTrue();
        assertThat(result.getServerInfo().getName()).isEqualTo("dbzlint");
    }

    private String open(String name) throws IOException {
        String text = Files.readString(workspace.resolve(name));
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(name), "json", 1, text)));
        return text;
    }

    /** The next diagnostics published for a file (others published meanwhile are skipped). */
    private List<Diagnostic> next(String name) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams params = published.poll(30, TimeUnit.SECONDS);
            assertThat(params).as("diagnostics for " + name).isNotNull();
            if (params.getUri().equals(uri(name))) {
                return params.getDiagnostics();
            }
        }
    }

    private static List<String> rules(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.getCode().getLeft()).toList();
    }

    private String uri(String name) {
        return workspace.resolve(name).toAbsolutePath().normalize().toUri().toString();
    }

    private void copy(String folder, String... names) throws IOException {
        for (String name : names) {
            Files.copy(Path.of(folder, name), workspace.resolve(name));
        }
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
            messages.add(messageParams.getMessage());
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
            messages.add(message.getMessage());
        }
    }

}
