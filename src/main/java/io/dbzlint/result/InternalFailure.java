package io.dbzlint.result;

/**
 * A failure of dbzlint itself while it linted an input: a bug, or an input that exhausted memory.
 * The run goes on with the other inputs and exits with its own code.
 *
 * @param message one line naming the input
 * @param cause kept for --debug, which prints its stack trace
 */
public record InternalFailure(String message, Throwable cause) {
}
