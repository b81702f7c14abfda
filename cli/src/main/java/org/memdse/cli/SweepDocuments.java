package org.memdse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.SpecContext;
import org.memdse.core.spec.SpecLoader;
import org.memdse.core.spec.SpecSource;

/**
 * The documents a sweep is made of, as read: the sweep file, its architecture and every file
 * that includes, and its networks (files or bundled descriptions). Their content identifies the
 * sweep (its {@link #fingerprint}: shards of one sweep carry the same one, on any machine and
 * whatever the paths), and their files are what a cluster's executors need to run it.
 */
public record SweepDocuments(List<Document> documents) {
    /**
     * One document.
     *
     * @param role    what it is for the sweep ({@code sweep}, {@code architecture}, {@code include 1}, {@code network 0})
     * @param file    where it was read, absolute; empty for a bundled description
     * @param content its bytes
     */
    public record Document(String role, Optional<Path> file, byte[] content) {
        public Document {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    public SweepDocuments {
        documents = List.copyOf(documents);
    }

    /** The documents of a sweep whose parts have been read successfully already (so reading again works). */
    static SweepDocuments of(SpecSource sweep, SpecSource architecture, List<SpecSource> networkSources,
                             List<Path> networkFiles) {
        List<Document> out = new ArrayList<>();
        out.add(document("sweep", sweep));
        List<SpecLoader.LoadedDocument> arch = SpecLoader.composeWithIncludes(architecture,
                new SpecContext(new Diagnostics()));
        for (int i = 0; i < arch.size(); i++) {
            out.add(document(i == 0 ? "architecture" : "include " + i, arch.get(i).source()));
        }
        for (int i = 0; i < networkSources.size(); i++) {
            Path file = networkFiles.get(i);
            out.add(file != null ? document("network " + i, file) : document("network " + i, networkSources.get(i)));
        }
        return new SweepDocuments(out);
    }

    private static Document document(String role, SpecSource source) {
        Optional<Path> file = source instanceof SpecSource.FileSource f ? Optional.of(f.file().toAbsolutePath().normalize())
                : Optional.empty();
        if (file.isPresent()) {
            return document(role, file.get());
        }
        try {
            return new Document(role, Optional.empty(), source.read().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserInputException("cannot read " + source.displayName() + " again: " + e.getMessage());
        }
    }

    private static Document document(String role, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return new Document(role, Optional.of(abs), Files.readAllBytes(abs));
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + " again: " + e.getMessage());
        }
    }

    /**
     * SHA-256 over the documents' roles and contents and {@code extra} (what else decides the rows:
     * objectives from the command line), as {@code sha256:HEX}. Paths do not enter: the same
     * sweep copied to another machine has the same fingerprint.
     */
    public String fingerprint(List<String> extra) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        digest.update("memdse sweep fingerprint 1\n".getBytes(StandardCharsets.UTF_8));
        for (Document d : documents) {
            digest.update((d.role() + "\n" + d.content.length + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(d.content);
        }
        for (String e : extra) {
            digest.update(("extra\n" + e + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
