package org.memdse.core.spec;

/**
 * Something with a place in an input: its file position and document path. A {@link SpecNode}
 * works both out only when asked, so that what is kept for messages costs nothing until a message
 * needs it (a long file has millions of nodes and, usually, no error).
 */
public interface Located {
    SourcePosition position();

    String path();
}
