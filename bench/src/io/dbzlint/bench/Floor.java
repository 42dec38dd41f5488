package io.dbzlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The floor a lint cannot go below: find every *.json under a folder, read it and stream-parse
 * it with Jackson, on all cores, and count its tokens. bench/run.sh runs it with dbzlint's JVM
 * flags and the same jar, so the ratio of a lint to it is what dbzlint adds to reading the files.
 *
 * <p>Usage: {@code java -cp target/dbzlint.jar bench/src/io/dbzlint/bench/Floor.java DIR}
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws IOException {
        JsonFactory factory = JsonFactory.builder().build();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).toList();
        }
        long tokens = files.parallelStream().mapToLong(file -> {
            long count = 0;
            try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), Files.readAllBytes(file))) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if (token == JsonToken.VALUE_STRING) {
                        parser.getString();
                    }
                    count++;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return count;
        }).sum();
        System.out.println(files.size() + " files, " + tokens + " tokens");
    }
}
