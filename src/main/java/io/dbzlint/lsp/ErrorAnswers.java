package io.dbzlint.lsp;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The JSON-RPC error a failed request answers. LSP4J's default puts the Java stack trace in the
 * answer's data, which an editor shows to the user, and answers a request the server does not
 * implement (a default method of its interfaces) with an internal error: here it is -32601, method
 * not found, as the protocol asks, and an internal error says only that it is one. The stack goes
 * to standard error, the server's log, without the exception's message, which may quote a value
 * read from a file.
 */
public final class ErrorAnswers implements Function<Throwable, ResponseError> {

    private final PrintStream log;

    public ErrorAnswers(PrintStream log) {
        this.log = log;
    }

    @Override
    public ResponseError apply(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof InvocationTargetException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ResponseErrorException answered) {
            ResponseError error = answered.getResponseError();
            return new ResponseError(error.getCode(), error.getMessage(), null);
        }
        if (cause instanceof UnsupportedOperationException) {
            return new ResponseError(ResponseErrorCode.MethodNotFound, "dbzlint does not implement this request", null);
        }
        log.println("dbzlint lsp: internal error " + cause.getClass().getName());
        for (StackTraceElement frame : cause.getStackTrace()) {
            log.println("\tat " + frame);
        }
        log.flush();
        return new ResponseError(ResponseErrorCode.InternalError, "dbzlint failed on this request (internal error "
                + cause.getClass().getSimpleName() + "; the server's log has its stack)", null);
    }
}
