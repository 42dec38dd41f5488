package io.dbzlint.cli;

import io.dbzlint.lsp.DbzlintLanguageServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;

@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs dbzlint as a language server over standard input and output (the Language Server"
                + " Protocol): findings as diagnostics while you type, fixes as quick fixes, key hovers.")
final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        return serve(System.in, System.out);
    }

    /** Serves one client until it closes the stream. Standard output carries the protocol only. */
    static int serve(InputStream in, OutputStream out) throws InterruptedException {
        DbzlintLanguageServer server = new DbzlintLanguageServer(Version.number());
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        try {
            launcher.startListening().get();
        } catch (ExecutionException e) {
            return ExitCode.INTERNAL.code();
        }
        return ExitCode.OK.code();
    }
}
