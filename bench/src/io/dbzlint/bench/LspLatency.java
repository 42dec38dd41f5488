package io.dbzlint.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server as an editor sees it: starts {@code bin/dbzlint lsp} on a workspace of
 * connector files, times initialize, then types into one open file (a character added and taken
 * away, alternately) and times each keystroke until its diagnostics arrive. Prints start-up, the
 * median and 95th percentile re-lint, and the server's peak memory.
 *
 * <p>Usage: {@code java -cp target/dbzlint.jar bench/src/io/dbzlint/bench/LspLatency.java DIR [KEYSTROKES]}
 */
public final class LspLatency {

    private LspLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]).toAbsolutePath().normalize();
        int keystrokes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path file;
        try (Stream<Path> walk = Files.walk(workspace)) {
            file = walk.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        long files;
        try (Stream<Path> walk = Files.walk(workspace)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bin/dbzlint", "lsp").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(published),
                process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();
        InitializeParams params = new InitializeParams();
        params.setRootUri(workspace.toUri().toString());
        server.initialize(params).get(60, TimeUnit.SECONDS);
        double startup = (System.nanoTime() - start) / 1e6;

        String uri = file.toUri().toString();
        String text = Files.readString(file);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, text)));
        published.poll(60, TimeUnit.SECONDS);
        int insertAt = text.indexOf("\"name\"") + 1;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < keystrokes; i++) {
            String typed = i % 2 == 0 ? text.substring(0, insertAt) + "x" + text.substring(insertAt) : text;
            long sent = System.nanoTime();
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, i + 2), List.of(new TextDocumentContentChangeEvent(typed))));
            PublishDiagnosticsParams got;
            do {
                got = published.poll(60, TimeUnit.SECONDS);
            } while (got != null && !got.getUri().equals(uri));
            times.add((System.nanoTime() - sent) / 1e6);
        }
        String peak = Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        process.getOutputStream().close();
        process.waitFor(10, TimeUnit.SECONDS);
        List<Double> warm = new ArrayList<>(times.subList(Math.min(20, times.size() / 2), times.size()));
        Collections.sort(warm);
        System.out.printf("workspace: %d files; start-up to initialized: %.0f ms; first keystroke: %.1f ms;"
                        + " re-lint per keystroke after %d: median %.1f ms, p95 %.1f ms; server peak memory %s%n",
                files, startup, times.get(0), times.size() - warm.size(), warm.get(warm.size() / 2),
                warm.get((int) (warm.size() * 0.95)), peak.replace("VmHWM: ", ""));
    }

    private record Client(BlockingQueue<PublishDiagnosticsParams> published) implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams message) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
