package io.dbzlint.cli;

import io.dbzlint.lsp.DbzlintLanguageServer;
import io.dbzlint.lsp.ErrorAnswers;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;

@Command(name = "lsp", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs dbzlint as a language server over standard input and output (the Language Server"
                + " Protocol): findings as diagnostics while you type, fixes as quick fixes, key hovers.")
final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        return serve(System.in, System.out);
    }

    /**
     * Serves one client until it says exit or closes the stream: 0 after a shutdown request, 1 for
     * an exit without one, as the protocol asks. Standard output carries the protocol only.
     */
    static int serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch exited = new CountDownLatch(1);
        DbzlintLanguageServer server = new DbzlintLanguageServer(Version.number(), exited::countDown);
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>().setLocalService(server)
                .setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out)
                .setExceptionHandler(new ErrorAnswers(System.err)).create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        Thread closed = new Thread(() -> {
            try {
                listening.get();
            } catch (InterruptedException | ExecutionException | CancellationException e) {
                // the stream broke: the same as closed
            }
            exited.countDown();
        }, "dbzlint-lsp-input");
        closed.setDaemon(true);
        closed.start();
        exited.await();
        listening.cancel(true);
        return server.wasShutDown() ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
    }
}
