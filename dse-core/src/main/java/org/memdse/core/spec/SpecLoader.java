package org.memdse.core.spec;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerImpl;

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
     * the file cannot be read (not a regular file, larger than {@link InputFiles#MAX_YAML_BYTES},
     * not UTF-8), is not YAML, or is empty.
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
        return compose(source, text, context);
    }

    /**
     * Reads the items of one list one at a time, for long lists (a network's {@code layers}): the
     * list under {@code key} in the document's top-level mapping, the first such key, is handed to
     * {@code reader} item by item as the parser reaches it, each item with a context of its own
     * whose findings go to {@code itemDiagnostics} and whose unknown keys are reported as soon as
     * the reader is done with it; no tree of the list is kept, and the returned document holds
     * the list without its items. A list with an anchor or a tag, or a key whose value is no list,
     * is composed whole as {@link #compose(SpecSource, SpecContext)} does, and the reader is not
     * called. When the text is not valid YAML the items read so far count for nothing: the
     * caller drops {@code itemDiagnostics}, as nothing was read from a tree never composed.
     */
    public static Optional<SpecNode> compose(SpecSource source, SpecContext context, String key,
                                             Diagnostics itemDiagnostics, ItemReader reader) {
        return compose(source, context, key, itemDiagnostics, reader, true);
    }

    /**
     * As {@link #compose(SpecSource, SpecContext, String, Diagnostics, ItemReader)}; with
     * {@code plainItems} off the items are composed by SnakeYAML's Composer even in a text without
     * anchors, aliases and tags (tests compare the two).
     */
    static Optional<SpecNode> compose(SpecSource source, SpecContext context, String key,
                                      Diagnostics itemDiagnostics, ItemReader reader, boolean plainItems) {
        String text;
        try {
            text = source.read();
        } catch (IOException e) {
            context.diagnostics().error(SourcePosition.ofFile(source.displayName()), "",
                    "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
        return compose(source, text, context, new Stream(key, itemDiagnostics, reader, source.displayName(), context,
                plainItems));
    }

    /** What reads a list handed over item by item. */
    public interface ItemReader {
        /**
         * The list starts. {@code before} holds the keys of the enclosing mapping written before
         * the list (a copy to look at: what is read from it reports nothing, and its keys are read
         * again, with messages, from the whole document).
         */
        void start(SpecMap before);

        /** One item, in order; its path is {@code key[index]}. */
        void item(SpecNode item);
    }

    /** The list streamed by one composition. */
    private record Stream(String key, Diagnostics itemDiagnostics, ItemReader reader, String file, SpecContext context,
                          boolean plainItems) {
    }

    private static Optional<SpecNode> compose(SpecSource source, String text, SpecContext context) {
        return compose(source, text, context, null);
    }

    private static Optional<SpecNode> compose(SpecSource source, String text, SpecContext context, Stream stream) {
        WholeTextReader reader = new WholeTextReader(text);
        int bad = reader.firstNonPrintable();
        if (bad >= 0) {
            context.diagnostics().error(positionOf(source.displayName(), text, bad), "", "not valid YAML: "
                    + String.format(Locale.ROOT, "the character U+%04X", reader.codePointAt(bad))
                    + " is not allowed (YAML takes printable characters, tabs and line breaks); remove it");
            return Optional.empty();
        }
        LoaderOptions options = loaderOptions();
        ScannerAhead ahead = text.length() >= SCAN_AHEAD_FROM_CHARS && text.length() <= options.getCodePointLimit()
                && Runtime.getRuntime().availableProcessors() > 1 ? new ScannerAhead(new ScannerImpl(reader, options)) : null;
        // As ParserImpl(reader, options) makes it, over the scanner run ahead if there is one.
        Parser parser = new ParserImpl(ahead != null ? ahead : new ScannerImpl(reader, options));
        try {
            // What Yaml.compose does, with a reader linear in the text's length (see WholeTextReader).
            Node node = new LeanComposer(parser, options, stream,
                    stream != null && stream.plainItems() && reader.withoutNodeProperties()).getSingleNode();
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
            // Without a problem the message is SnakeYAML's whole text, snippets of the text included:
            // those of marks made over the text's code points (WholeTextReader), as SnakeYAML makes them.
            String problem = e.getProblem() != null ? e.getProblem() : withSnippets(text, e).getMessage();
            // SnakeYAML splits a message into context ("while parsing a flow mapping", "expected a
            // single document in the stream") and problem ("but found another document"): context first.
            Mark opened = e.getContextMark();
            String from = opened != null && mark != null && opened.getLine() != mark.getLine()
                    && e.getContext() != null && e.getContext().startsWith("while ")
                    ? " (from line " + (opened.getLine() + 1) + ", column " + (opened.getColumn() + 1) + ")" : "";
            String message = e.getContext() != null ? e.getContext() + from + ", " + problem : problem;
            context.diagnostics().error(at, "", "not valid YAML: " + message);
        } catch (YAMLException e) {
            // Limits (nesting depth, aliases) come without a mark: find where the text crosses them.
            context.diagnostics().error(limitCrossedAt(source.displayName(), text), "", "not valid YAML: " + e.getMessage());
        } finally {
            if (ahead != null) {
                ahead.close();
            }
        }
        return Optional.empty();
    }

    /**
     * The same problem found again with marks that carry the text (SnakeYAML prints it in a
     * snippet under each mark; WholeTextReader leaves it out of a Latin-1 text's marks): composing
     * the text again meets the same problem at the same place. Only for a problem without its
     * own text, which SnakeYAML's scanner, parser and composer never throw.
     */
    private static MarkedYAMLException withSnippets(String text, MarkedYAMLException found) {
        LoaderOptions options = loaderOptions();
        try {
            new LeanComposer(new ParserImpl(new WholeTextReader(text, true), options), options, null, false)
                    .getSingleNode();
        } catch (MarkedYAMLException again) {
            return again;
        } catch (YAMLException other) {
            return found;
        }
        return found;
    }

    /**
     * Texts from this length on are scanned on a thread of their own, ahead of parsing and
     * composing ({@link ScannerAhead}), when there is a second processor: in a 10 MB network file
     * scanning is two fifths of reading; a short file is read before a thread would pay off.
     */
    static final int SCAN_AHEAD_FROM_CHARS = 1 << 20;

    /** Where the code point at {@code index} stands, counted as SnakeYAML counts lines and columns. */
    private static SourcePosition positionOf(String file, String text, int index) {
        WholeTextReader reader = new WholeTextReader(text);
        reader.forward(index);
        return new SourcePosition(file, reader.getLine() + 1, reader.getColumn() + 1);
    }

    /**
     * SnakeYAML's resolver as far as memdse's readers can tell: they parse every scalar from its
     * text themselves and look at one tag only, null ({@link SpecNode#isNull()}); merge keys and
     * the indicator characters keep their tags too. Every other plain scalar is a string here,
     * where SnakeYAML's resolver matches it against up to four regular expressions (bool, int,
     * float, timestamp) to give it a tag nobody reads: a quarter of composing a long file.
     */
    static final class PlainResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind != NodeId.scalar || !implicit) {
                return super.resolve(kind, value, implicit);
            }
            if (value.length() > 4) {
                return Tag.STR; // longer than any text below: no hash of a name or a number to work out
            }
            return switch (value) {
                // SnakeYAML's NULL and EMPTY patterns (PlainResolverTest compares the two resolvers).
                case "", " ", "~", "null", "Null", "NULL" -> Tag.NULL;
                case "<<" -> Tag.MERGE;
                case "!", "&", "*" -> Tag.YAML;
                default -> Tag.STR;
            };
        }
    }

    /**
     * SnakeYAML's composer without the two empty comment lists it hangs on every scalar (comments
     * are not read: {@link LoaderOptions#isProcessComments()} is off), which were a fifth of a long
     * file's node tree; scalars with a tag or an anchor are composed by SnakeYAML itself.
     */
    private static final class LeanComposer extends Composer {
        private final Resolver resolver;
        /** The list to hand over item by item, or null. */
        private final Stream stream;
        /** Mappings and lists open around the node being composed (1 in the top-level mapping). */
        private int depth;
        /** Whether the top-level mapping's first key named {@link Stream#key()} was met. */
        private boolean keyMet;
        /** Whether the node about to be composed is that key's value. */
        private boolean streamNext;
        private List<NodeTuple> topKeys;
        private MappingNode top;

        /**
         * Whether the text has no anchor, alias or tag ({@link WholeTextReader#withoutNodeProperties()}): then
         * the streamed list's items are composed by {@link #composePlain}.
         */
        private final boolean plain;
        private final int nestingDepthLimit;

        LeanComposer(Parser parser, LoaderOptions options, Stream stream, boolean plain) {
            this(parser, new PlainResolver(), options, stream, plain);
        }

        private LeanComposer(Parser parser, Resolver resolver, LoaderOptions options, Stream stream, boolean plain) {
            super(parser, resolver, options);
            this.resolver = resolver;
            this.stream = stream;
            this.plain = plain;
            this.nestingDepthLimit = options.getNestingDepthLimit();
        }

        @Override
        protected Node composeScalarNode(String anchor, List<org.yaml.snakeyaml.comments.CommentLine> blockComments) {
            streamNext = false;
            if (anchor != null || !(parser.peekEvent() instanceof ScalarEvent event) || event.getTag() != null) {
                return super.composeScalarNode(anchor, blockComments);
            }
            parser.getEvent();
            Tag tag = resolver.resolve(NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
            return new ScalarNode(tag, true, event.getValue(), event.getStartMark(), event.getEndMark(),
                    event.getScalarStyle());
        }

        @Override
        protected Node composeMappingNode(String anchor) {
            streamNext = false;
            depth++;
            try {
                return super.composeMappingNode(anchor);
            } finally {
                depth--;
            }
        }

        @Override
        protected void composeMappingChildren(List<NodeTuple> children, MappingNode node) {
            if (stream == null || depth != 1 || keyMet) {
                super.composeMappingChildren(children, node);
                return;
            }
            // As Composer does it, noting whether the value is the list to stream.
            Node key = composeKeyNode(node);
            if (key.getTag().equals(Tag.MERGE)) {
                node.setMerged(true);
            }
            if (key instanceof ScalarNode scalar && scalar.getValue().equals(stream.key())) {
                keyMet = true;
                streamNext = true;
                topKeys = children;
                top = node;
            }
            Node value = composeValueNode(node);
            streamNext = false;
            children.add(new NodeTuple(key, value));
        }

        @Override
        protected Node composeSequenceNode(String anchor) {
            boolean streamThis = streamNext && anchor == null
                    && parser.peekEvent() instanceof SequenceStartEvent start && start.getTag() == null;
            streamNext = false;
            depth++;
            try {
                return streamThis ? streamSequence() : super.composeSequenceNode(anchor);
            } finally {
                depth--;
            }
        }

        /**
         * What Composer.composeSequenceNode does for an untagged list without an anchor (comments
         * are not collected: with processComments off the parser gives no comment events), each item
         * handed to the reader instead of kept.
         */
        private Node streamSequence() {
            SequenceStartEvent start = (SequenceStartEvent) parser.getEvent();
            Tag tag = resolver.resolve(NodeId.sequence, null, start.getImplicit());
            SequenceNode list = new SequenceNode(tag, true, new ArrayList<>(), start.getStartMark(), null,
                    start.getFlowStyle());
            SpecNode listNode = new SpecNode(list, stream.file(), stream.key(), stream.context());
            SpecNode before = SpecNode.root(new MappingNode(Tag.MAP, new ArrayList<>(topKeys),
                    org.yaml.snakeyaml.DumperOptions.FlowStyle.AUTO), stream.file(), new SpecContext(new Diagnostics()));
            stream.reader().start(before.asMap());
            int index = 0;
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                // Composer's depth here: the top-level mapping and this list.
                Node item = plain ? composePlain(depth) : composeValueNode(top);
                SpecContext itemContext = stream.context().forItem(stream.itemDiagnostics());
                stream.reader().item(listNode.item(index++, item, itemContext));
                itemContext.finish();
            }
            list.setEndMark(parser.getEvent().getEndMark());
            return list;
        }

        /**
         * The node at the parser's next event, as Composer composes it from a text without anchors,
         * aliases or tags (and, comments not being read, without comment events): the same nodes with
         * the same tags, values, marks and styles, a mapping marked merged as Composer marks it, and
         * the same nesting limit at the same node ({@code nesting}: the nodes open around it, as
         * Composer counts them). What Composer does besides (anchors, the nodes open for alias
         * recursion, comment collectors) has nothing to do in such a text, and it was half of
         * composing a long network file's layers. Composer's comment collector looks at the event
         * after each node: so does this, so that a YAML error there is met before the node is
         * returned (and the item handed over), as with Composer.
         */
        private Node composePlain(int nesting) {
            if (nesting > nestingDepthLimit) {
                throw new YAMLException("Nesting Depth exceeded max " + nestingDepthLimit);
            }
            Event event = parser.getEvent();
            if (event instanceof ScalarEvent s) {
                Tag tag = resolver.resolve(NodeId.scalar, s.getValue(), s.getImplicit().canOmitTagInPlainScalar());
                ScalarNode node = new ScalarNode(tag, true, s.getValue(), s.getStartMark(), s.getEndMark(),
                        s.getScalarStyle());
                parser.peekEvent();
                return node;
            }
            if (event instanceof MappingStartEvent start) {
                List<NodeTuple> children = new ArrayList<>();
                MappingNode node = new MappingNode(resolver.resolve(NodeId.mapping, null, start.getImplicit()), true,
                        children, start.getStartMark(), null, start.getFlowStyle());
                while (!parser.checkEvent(Event.ID.MappingEnd)) {
                    Node key = composePlain(nesting + 1);
                    if (key.getTag().equals(Tag.MERGE)) {
                        node.setMerged(true);
                    }
                    children.add(new NodeTuple(key, composePlain(nesting + 1)));
                }
                node.setEndMark(parser.getEvent().getEndMark());
                parser.peekEvent();
                return node;
            }
            if (event instanceof SequenceStartEvent start) {
                List<Node> items = new ArrayList<>();
                SequenceNode node = new SequenceNode(resolver.resolve(NodeId.sequence, null, start.getImplicit()), true,
                        items, start.getStartMark(), null, start.getFlowStyle());
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    items.add(composePlain(nesting + 1));
                }
                node.setEndMark(parser.getEvent().getEndMark());
                parser.peekEvent();
                return node;
            }
            throw new IllegalStateException("a node expected, found " + event); // an alias: not in a plain text
        }
    }

    private static final int MAX_NESTING = 100;
    private static final int MAX_ALIASES = 50;

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(64 * 1024 * 1024);
        return options;
    }

    /**
     * Where a document first nests deeper than {@link #MAX_NESTING} or uses more than
     * {@link #MAX_ALIASES} aliases, found by walking its parse events (which carry positions);
     * the start of the file if neither.
     */
    private static SourcePosition limitCrossedAt(String file, String text) {
        int depth = 0;
        int aliases = 0;
        try {
            Parser parser = new ParserImpl(new WholeTextReader(text), loaderOptions());
            for (Event event = parser.getEvent(); event != null; event = parser.getEvent()) {
                if (event instanceof CollectionStartEvent) {
                    depth++;
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                } else if (event instanceof AliasEvent) {
                    aliases++;
                }
                if (depth > MAX_NESTING || aliases > MAX_ALIASES) {
                    Mark mark = event.getStartMark();
                    return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
                }
            }
        } catch (YAMLException e) {
            // A parse error after the limit: fall through to the start of the file.
        }
        return new SourcePosition(file, 1, 1);
    }

    /** Deepest chain of includes: libraries include libraries, but not 32 levels deep. */
    public static final int MAX_INCLUDE_DEPTH = 32;
    /** All documents of one description together, main file included: four times one file's limit. */
    public static final long MAX_TOTAL_CHARS = 4 * InputFiles.MAX_YAML_BYTES;

    /**
     * Reads a document and, depth-first, every document it includes (each once). The first
     * element is the main document. Include cycles, unreadable includes (with the reason: no
     * such file, a directory, a device or pipe, too large) and chains deeper than
     * {@link #MAX_INCLUDE_DEPTH} or larger than {@link #MAX_TOTAL_CHARS} in all are errors at
     * the include.
     */
    public static List<LoadedDocument> composeWithIncludes(SpecSource main, SpecContext context) {
        List<LoadedDocument> documents = new ArrayList<>();
        String text;
        try {
            text = main.read();
        } catch (IOException e) {
            context.diagnostics().error(SourcePosition.ofFile(main.displayName()), "",
                    "cannot read the file: " + e.getMessage());
            return documents;
        }
        visit(main, text, context, documents, new LinkedHashSet<>(), new ArrayDeque<>(), new long[] {text.length()});
        return documents;
    }

    private static void visit(SpecSource source, String text, SpecContext context, List<LoadedDocument> documents,
                              Set<String> done, Deque<SpecSource> stack, long[] totalChars) {
        done.add(source.identity());
        stack.push(source);
        Optional<SpecNode> root = compose(source, text, context);
        if (root.isPresent()) {
            documents.add(new LoadedDocument(source, root.get()));
            if (root.get().isMapping()) {
                SpecMap top = root.get().asMap();
                for (SpecNode item : includes(top)) {
                    String relative = item.asString();
                    if (relative.isEmpty()) {
                        continue;
                    }
                    SpecSource included;
                    try {
                        included = source.resolve(relative);
                    } catch (InvalidPathException e) {
                        item.error("cannot include '" + relative + "': not a valid file name (" + e.getReason() + ")");
                        continue;
                    }
                    if (stack.stream().anyMatch(s -> s.identity().equals(included.identity()))) {
                        // Named as the user wrote them (display names), not as absolute identities.
                        item.error("include cycle: '" + relative + "' is already being read ("
                                + String.join(" -> ", reversed(stack)) + " -> " + included.displayName()
                                + "); remove one of the includes");
                        continue;
                    }
                    if (done.contains(included.identity())) {
                        continue;
                    }
                    if (stack.size() >= MAX_INCLUDE_DEPTH) {
                        item.error("cannot include '" + relative + "': includes nest more than " + MAX_INCLUDE_DEPTH
                                + " levels deep (" + String.join(" -> ", reversed(stack)) + "); include the libraries "
                                + "from one file instead");
                        continue;
                    }
                    String includedText;
                    try {
                        includedText = included.read();
                    } catch (IOException e) {
                        item.error("cannot include '" + relative + "': " + (e.getMessage() == null ? "cannot read it"
                                : e.getMessage()) + " (looked at " + included.displayName() + ")");
                        continue;
                    }
                    if (totalChars[0] + includedText.length() > MAX_TOTAL_CHARS) {
                        item.error("cannot include '" + relative + "': with it the description and its includes "
                                + "would exceed " + (MAX_TOTAL_CHARS >> 20) + " MiB of text");
                        continue;
                    }
                    totalChars[0] += includedText.length();
                    visit(included, includedText, context, documents, done, stack, totalChars);
                }
            }
        }
        stack.pop();
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
