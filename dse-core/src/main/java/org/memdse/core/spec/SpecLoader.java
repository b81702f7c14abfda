package org.memdse.core.spec;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Composes YAML documents into position-carrying node trees and follows {@code include:} lists
 * depth-first, reporting include cycles and unreadable files as diagnostics. Composing (not
 * loading) keeps every node's source mark and every key as written, duplicates included.
 */
public final class SpecLoader {
    /** The key that names other documents to read with this one. */
    public static final String INCLUDE_KEY = "include";

    private SpecLoader() {
    }

    /** One composed document and where it came from. */
    public record LoadedDocument(SpecSource source, SpecNode root) {
    }

    /**
     * Reads one document without following includes. Returns empty (with a diagnostic) when
     * the file cannot be read, is not YAML, or is empty.
     */
    public static Optional<SpecNode> compose(SpecSource source, SpecContext context) {
        String text;
        try {
            text = source.read();
        } catch (IOException e) {
            context.diagnostics().error(SourcePosition.ofFile(source.displayName()), "",
                    "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(100);
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Node node = yaml.compose(new StringReader(text));
            if (node == null) {
                context.diagnostics().error(new SourcePosition(source.displayName(), 1, 1), "",
                        "the document is empty; expected a mapping of keys to values");
                return Optional.empty();
            }
            return Optional.of(SpecNode.root(node, source.displayName(), context));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourcePosition at = mark == null ? SourcePosition.ofFile(source.displayName())
                    : new SourcePosition(source.displayName(), mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            // SnakeYAML splits a message into context ("while parsing a flow mapping", "expected a
            // single document in the stream") and problem ("but found another document"): context first.
            Mark opened = e.getContextMark();
            String from = opened != null && mark != null && opened.getLine() != mark.getLine()
                    && e.getContext() != null && e.getContext().startsWith("while ")
                    ? " (from line " + (opened.getLine() + 1) + ", column " + (opened.getColumn() + 1) + ")" : "";
            String message = e.getContext() != null ? e.getContext() + from + ", " + problem : problem;
            context.diagnostics().error(at, "", "not valid YAML: " + message);
        } catch (YAMLException e) {
            context.diagnostics().error(SourcePosition.ofFile(source.displayName()), "", "not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Reads a document and, depth-first, every document it includes (each once). The first
     * element is the main document. Include cycles are errors at the include that closes them.
     */
    public static List<LoadedDocument> composeWithIncludes(SpecSource main, SpecContext context) {
        List<LoadedDocument> documents = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        visit(main, context, documents, done, new ArrayDeque<>());
        return documents;
    }

    private static void visit(SpecSource source, SpecContext context, List<LoadedDocument> documents,
                              Set<String> done, Deque<SpecSource> stack) {
        done.add(source.identity());
        stack.push(source);
        Optional<SpecNode> root = compose(source, context);
        if (root.isPresent()) {
            documents.add(new LoadedDocument(source, root.get()));
            if (root.get().isMapping()) {
                SpecMap top = root.get().asMap();
                for (SpecNode item : includes(top)) {
                    String relative = item.asString();
                    if (relative.isEmpty()) {
                        continue;
                    }
                    SpecSource included = source.resolve(relative);
                    if (stack.stream().anyMatch(s -> s.identity().equals(included.identity()))) {
                        // Named as the user wrote them (display names), not as absolute identities.
                        item.error("include cycle: '" + relative + "' is already being read ("
                                + String.join(" -> ", reversed(stack)) + " -> " + included.displayName()
                                + "); remove one of the includes");
                    } else if (!done.contains(included.identity())) {
                        Optional<String> unreadable = unreadable(included);
                        if (unreadable.isEmpty()) {
                            visit(included, context, documents, done, stack);
                        } else {
                            item.error("cannot include '" + relative + "': " + unreadable.get() + " (looked at "
                                    + included.displayName() + ")");
                        }
                    }
                }
            }
        }
        stack.pop();
    }

    /** Why a source cannot be read ("no such file", "is a directory, not a file"), or empty if it can. */
    private static Optional<String> unreadable(SpecSource source) {
        try {
            source.read();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage() == null ? "cannot read it" : e.getMessage());
        }
    }

    private static List<SpecNode> includes(SpecMap top) {
        Optional<SpecNode> node = top.get(INCLUDE_KEY);
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get().isScalar()) {
            return List.of(node.get());
        }
        return node.get().asList();
    }

    private static List<String> reversed(Deque<SpecSource> stack) {
        List<String> list = new ArrayList<>(stack.stream().map(SpecSource::displayName).toList());
        Collections.reverse(list);
        return list;
    }
}
