package org.memdse.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.memdse.core.arch.Architecture;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.Validated;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code memdse validate FILE...}: checks descriptions, reporting every error of every file. */
@Command(name = "validate",
        header = "Check architecture descriptions; report every error of every file.", mixinStandardHelpOptions = true,
        description = "Check architecture descriptions and report every error of every file at once: values "
            + "outside their physically possible range, and components no cost model can price (with each "
            + "model's reason). Values outside a model's calibrated range are warnings (exit code 0). "
            + "Each FILE is a YAML file or the id of a bundled description (see 'memdse catalog').",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every description is valid", "2:at least one is not (each error is printed)"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Architecture YAML files or bundled ids.")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (String file : files) {
            try {
                Validated<Architecture> read = ArchitectureArgument.readPriced(file);
                MemdseCommand.printWarnings(err, read.warnings());
                int w = read.warnings().size();
                out.println(file + ": ok (" + read.value().name()
                        + (w == 0 ? "" : "; " + w + (w == 1 ? " warning" : " warnings")) + ")");
            } catch (SpecException e) {
                MemdseCommand.printDiagnostics(err, e);
                invalid++;
            } catch (UserInputException e) {
                err.println("memdse: " + e.getMessage());
                invalid++;
            }
        }
        out.flush();
        if (invalid > 0 && files.size() > 1) {
            err.println(invalid + " of " + files.size() + " descriptions are invalid");
        }
        return invalid == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
