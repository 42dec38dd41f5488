package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.debezium.Debezium;
import io.dbzlint.model.ConnectorType;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
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
    private final BlockingQueue<RegistrationParams> registered = new LinkedBlockingQueue<>();
    private LanguageServer server;
    private Launcher<LanguageServer> launcher;
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
        launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
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

    @Test
    void should_complete_keys_not_yet_present_and_the_values_the_target_release_accepts() throws Exception {
        Files.writeString(workspace.resolve("orders-postgres.json"), """
                {
                  "name": "orders",
                  "config": {
                    "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                    "database.password": "S3cr3tPw",
                    "plugin.name": "",
                    "
                  }
                }
                """);
        initialize();
        open("orders-postgres.json");

        List<CompletionItem> keys = complete("orders-postgres.json", 6, 5);
        assertThat(keys).extracting(CompletionItem::getLabel).contains("snapshot.mode", "slot.name", "topic.prefix")
                .doesNotContain("connector.class", "plugin.name", "database.password", "config")
                .as("a MySQL key in a PostgreSQL config").doesNotContain("database.server.id");
        CompletionItem snapshotMode = keys.stream().filter(item -> item.getLabel().equals("snapshot.mode"))
                .findFirst().orElseThrow();
        assertThat(snapshotMode.getDocumentation().getRight().getValue()).contains("snapshot.mode")
                .contains("Default: `initial`");
        TextEdit edit = snapshotMode.getTextEdit().getLeft();
        assertThat(edit.getNewText()).isEqualTo("\"snapshot.mode\"");
        assertThat(edit.getRange()).isEqualTo(new Range(new Position(6, 4), new Position(6, 5)));

        List<CompletionItem> values = complete("orders-postgres.json", 5, 20);
        List<String> accepted = new ArrayList<>(Debezium.bundled().enumerations(ConnectorType.POSTGRESQL, Debezium.LATEST)
                .get("plugin.name"));
        accepted.removeAll(Debezium.bundled().catalog().renamedValues("plugin.name"));
        assertThat(values).extracting(CompletionItem::getLabel).as("what lint accepts").containsExactlyElementsOf(accepted)
                .contains("pgoutput");
        assertThat(values.get(0).getTextEdit().getLeft().getRange())
                .as("the empty string, quotes included").isEqualTo(new Range(new Position(5, 19), new Position(5, 21)));

        StringBuilder sent = new StringBuilder();
        for (CompletionItem item : keys) {
            sent.append(item.getLabel()).append(item.getDetail()).append(item.getTextEdit().getLeft().getNewText())
                    .append(item.getDocumentation() == null ? "" : item.getDocumentation().getRight().getValue());
        }
        assertThat(sent.toString()).doesNotContain("S3cr3tPw");
    }

    @Test
    void should_complete_in_the_config_of_a_strimzi_connector_of_a_multi_document_file() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("examples/capstone-strimzi/connectors.yaml")));
        int postgres = lines.indexOf("  class: io.debezium.connector.postgresql.PostgresConnector");
        int config = lines.subList(postgres, lines.size()).indexOf("  config:") + postgres;
        lines.add(config + 1, "    snapshot.mode: ");
        lines.add(config + 1, "    sl");
        Files.write(workspace.resolve("connectors.yaml"), lines);
        initialize();
        open("connectors.yaml");

        List<CompletionItem> keys = complete("connectors.yaml", config + 1, 6);
        assertThat(keys).extracting(CompletionItem::getLabel).contains("slot.drop.on.stop", "slot.max.retries")
                .doesNotContain("slot.name", "database.hostname", "topic.prefix", "snapshot.mode")
                .as("the MySQL connector's key, in the other document").doesNotContain("database.server.id");
        assertThat(keys.get(0).getTextEdit().getLeft().getRange())
                .isEqualTo(new Range(new Position(config + 1, 4), new Position(config + 1, 6)));
        List<CompletionItem> values = complete("connectors.yaml", config + 2, 19);
        assertThat(values).extracting(CompletionItem::getLabel).contains("initial", "no_data")
                .doesNotContain("never"); // renamed to no_data
        assertThat(values.get(0).getTextEdit().getLeft().getNewText()).doesNotContain("\"");
    }

    @Test
    void should_follow_connector_files_created_changed_and_deleted_on_disk() throws Exception {
        copy("examples/mistakes/server-id-unique", "billing-mysql.json");
        InitializeParams params = initializeParams();
        WorkspaceClientCapabilities workspaceCapabilities = new WorkspaceClientCapabilities();
        workspaceCapabilities.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        params.setCapabilities(new ClientCapabilities(workspaceCapabilities, null, null));
        server.initialize(params).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        RegistrationParams registration = registered.poll(30, TimeUnit.SECONDS);
        assertThat(registration).as("the server asks to be told of file changes").isNotNull();
        assertThat(registration.getRegistrations()).singleElement().satisfies(r -> {
            assertThat(r.getMethod()).isEqualTo("workspace/didChangeWatchedFiles");
            assertThat(r.getRegisterOptions().toString()).contains("json").contains("yaml").contains("properties");
        });
        open("billing-mysql.json");
        assertThat(rules(next("billing-mysql.json"))).doesNotContain("server-id-unique");

        Path inventory = workspace.resolve("inventory-mysql.json");
        Files.copy(Path.of("examples/mistakes/server-id-unique/inventory-mysql.json"), inventory);
        changedOnDisk(inventory, FileChangeType.Created);
        assertThat(rules(next("billing-mysql.json"))).as("a new file with the same server id").contains("server-id-unique");

        Files.writeString(inventory, Files.readString(inventory).replace("184054", "184099"));
        changedOnDisk(inventory, FileChangeType.Changed);
        assertThat(rules(next("billing-mysql.json"))).doesNotContain("server-id-unique");

        Files.writeString(inventory, Files.readString(inventory).replace("184099", "184054"));
        changedOnDisk(inventory, FileChangeType.Changed);
        assertThat(rules(next("billing-mysql.json"))).contains("server-id-unique");
        Files.delete(inventory);
        changedOnDisk(inventory, FileChangeType.Deleted);
        assertThat(rules(next("billing-mysql.json"))).as("the other file is gone").doesNotContain("server-id-unique");
    }

    @Test
    void should_answer_an_unsupported_request_method_not_found_and_no_request_with_a_stack_trace() throws Exception {
        initialize();
        for (String method : List.of("textDocument/definition", "textDocument/formatting", "dbzlint/noSuchRequest")) {
            var answer = launcher.getRemoteEndpoint().request(method, new DefinitionParams(
                    new TextDocumentIdentifier(uri("any.json")), new Position(0, 0)));
            assertThat(answer).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(ResponseErrorException.class, error -> {
                        assertThat(error.getResponseError().getCode()).as(method).isEqualTo(-32601);
                        assertNoStackTrace(error.getResponseError());
                    });
        }
        // a URI that is no file: the server fails inside, and says only that
        var hover = launcher.getRemoteEndpoint().request("textDocument/hover", new HoverParams(
                new TextDocumentIdentifier("not a uri"), new Position(0, 0)));
        assertThat(hover).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(ResponseErrorException.class, error -> {
                    assertThat(error.getResponseError().getCode()).isEqualTo(-32603);
                    assertNoStackTrace(error.getResponseError());
                });
    }

    @Test
    void should_publish_diagnostics_with_the_version_of_the_text_they_are_of() throws Exception {
        copy("examples/mistakes/server-id-unique", "billing-mysql.json", "inventory-mysql.json");
        initialize();
        String billing = open("billing-mysql.json");
        assertThat(nextPublished("billing-mysql.json").getVersion()).isEqualTo(1);
        open("inventory-mysql.json");
        nextPublished("inventory-mysql.json");

        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri("billing-mysql.json"), 7),
                List.of(new TextDocumentContentChangeEvent(billing.replace("184054", "184077")))));
        assertThat(nextPublished("billing-mysql.json").getVersion()).isEqualTo(7);
        assertThat(nextPublished("inventory-mysql.json").getVersion()).as("the other file's own version").isEqualTo(1);
    }

    private static void assertNoStackTrace(ResponseError error) {
        String answer = error.getMessage() + " " + error.getData();
        assertThat(answer).doesNotContain("\tat ", "at org.", "at java.", "at io.dbzlint", "Exception:");
    }

    private void changedOnDisk(Path file, FileChangeType type) {
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(file.toUri().toString(), type))));
    }

    private List<CompletionItem> complete(String name, int line, int character) throws Exception {
        var answer = server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(uri(name)), new Position(line, character))).get(10, TimeUnit.SECONDS);
        return answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
    }

    private InitializeParams initializeParams() {
        InitializeParams params = new InitializeParams();
        params.setRootUri(workspace.toUri().toString());
        return params;
    }

    private void initialize() throws Exception {
        var result = server.initialize(initializeParams()).get(30, TimeUnit.SECONDS);
        assertThat(result.getCapabilities().getCodeActionProvider().getLeft()).isTrue();
        assertThat(result.getCapabilities().getCompletionProvider()).isNotNull();
        assertThat(result.getServerInfo().getName()).isEqualTo("dbzlint");
        server.initialized(new InitializedParams());
    }

    private String open(String name) throws IOException {
        String text = Files.readString(workspace.resolve(name));
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(name), "json", 1, text)));
        return text;
    }

    /** The next diagnostics published for a file (others published meanwhile are skipped). */
    private List<Diagnostic> next(String name) throws InterruptedException {
        return nextPublished(name).getDiagnostics();
    }

    private PublishDiagnosticsParams nextPublished(String name) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams params = published.poll(30, TimeUnit.SECONDS);
            assertThat(params).as("diagnostics for " + name).isNotNull();
            if (params.getUri().equals(uri(name))) {
                return params;
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

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            registered.add(params);
            return CompletableFuture.completedFuture(null);
        }
    }

}
