package io.dbzlint;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The tests' SLF4J provider (chosen with {@code slf4j.provider} in the build): what dbzlint's own
 * loggers write at INFO and above is kept, as "LEVEL message", for the tests that run dbzlint inside
 * Kafka Connect (the guard) to read; everything else, Kafka's own logging included, is dropped as the
 * no-op provider drops it.
 */
public final class RecordedLog implements SLF4JServiceProvider {

    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();
    private static final int MAX_LINES = 10_000;

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory loggers = name -> name.startsWith("io.dbzlint") ? new Recording(name)
            : NOPLogger.NOP_LOGGER;

    /** The lines recorded so far, oldest first. */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class Recording extends LegacyAbstractLogger {

        Recording(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                                                   Throwable throwable) {
            if (LINES.size() < MAX_LINES) {
                LINES.add(level + " " + MessageFormatter.basicArrayFormat(message, arguments));
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
