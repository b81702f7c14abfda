package org.memdse.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where a YAML document comes from: a file, or a resource bundled in a jar. Includes resolve
 * relative to the including source, so a bundled description can include a bundled device library.
 */
public interface SpecSource {
    /** The name used in messages: the path as the user wrote it, or {@code bundled:<resource>}. */
    String displayName();

    /** A key that is equal for the same document reached by two routes (for include cycles). */
    String identity();

    String read() throws IOException;

    /** The source that {@code relative} names, seen from this one. */
    SpecSource resolve(String relative);

    static SpecSource of(Path file) {
        return new FileSource(file);
    }

    static SpecSource ofResource(ClassLoader loader, String resource) {
        return new ResourceSource(loader, resource);
    }

    /** A document held in memory (tests, sweeps that rewrite a description). */
    static SpecSource ofText(String displayName, String text) {
        return new TextSource(displayName, text);
    }

    record FileSource(Path file) implements SpecSource {
        @Override
        public String displayName() {
            return file.toString();
        }

        /**
         * The real path (symbolic links resolved), so that a link to a file already being read
         * closes an include cycle instead of starting an endless chain of new paths.
         */
        @Override
        public String identity() {
            try {
                return file.toRealPath().toString();
            } catch (IOException e) {
                return file.toAbsolutePath().normalize().toString();
            }
        }

        /** The text of a regular UTF-8 file of at most {@link InputFiles#MAX_YAML_BYTES}. */
        @Override
        public String read() throws IOException {
            return InputFiles.readText(file, InputFiles.MAX_YAML_BYTES);
        }

        @Override
        public SpecSource resolve(String relative) {
            Path parent = file.getParent();
            return new FileSource(parent == null ? Path.of(relative) : parent.resolve(relative).normalize());
        }
    }

    record ResourceSource(ClassLoader loader, String resource) implements SpecSource {
        @Override
        public String displayName() {
            return "bundled:" + resource;
        }

        @Override
        public String identity() {
            return "bundled:" + resource;
        }

        @Override
        public String read() throws IOException {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no such bundled resource");
                }
                byte[] bytes = in.readNBytes((int) InputFiles.MAX_YAML_BYTES + 1);
                if (bytes.length > InputFiles.MAX_YAML_BYTES) {
                    throw new IOException("is more than the 16 MiB memdse reads");
                }
                return InputFiles.utf8(bytes);
            }
        }

        @Override
        public SpecSource resolve(String relative) {
            int slash = resource.lastIndexOf('/');
            String dir = slash < 0 ? "" : resource.substring(0, slash + 1);
            return new ResourceSource(loader, Path.of(dir + relative).normalize().toString().replace('\\', '/'));
        }
    }

    record TextSource(String displayName, String text) implements SpecSource {
        @Override
        public String identity() {
            return "text:" + displayName;
        }

        @Override
        public String read() {
            return text;
        }

        @Override
        public SpecSource resolve(String relative) {
            return new FileSource(Path.of(relative));
        }
    }
}
