package org.memdse.cost.evaluator;

/**
 * One concern of an evaluation (compute, conversion, storage, communication, timing, static
 * power; later learning and accuracy), run in order over one mapped network. A pass reads the
 * view and what earlier passes wrote to the ledger, and writes its own part: energy it charges,
 * durations of its work, or figures derived from earlier parts. It keeps no state between
 * evaluations and never reaches into another pass.
 */
public interface EvaluationPass {
    /** A short snake_case name for messages and documentation, e.g. {@code conversion}. */
    String name();

    /** Counts this pass's concern of {@code view} and writes it to {@code ledger}. */
    void run(MappedNetwork view, EvaluationLedger ledger);
}
