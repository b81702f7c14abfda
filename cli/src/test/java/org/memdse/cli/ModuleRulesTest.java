package org.memdse.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The module rules of DESIGN.md and STYLE.md §2.1, checked on the compiled classes of every
 * module (the cli module sees them all): dse-core depends on no other module; each third-party
 * framework stays in the one package that adapts it; only the cli prints or exits.
 */
@AnalyzeClasses(packages = "org.memdse", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses().that().resideInAPackage("org.memdse.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.memdse.cost..", "org.memdse.mapping..",
                    "org.memdse.architectures..", "org.memdse.report..", "org.memdse.cli..", "org.memdse.onnx..",
                    "org.memdse.nir..")
            .because("dse-core is the shared vocabulary; the application wires implementations in");

    @ArchTest
    static final ArchRule coreUsesOnlyItsTwoLibraries = noClasses().that().resideInAPackage("org.memdse.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.optaplanner..", "org.apache.commons.csv..",
                    "picocli..", "com.google.protobuf..")
            .because("dse-core depends on snakeyaml and jgrapht-core only");

    @ArchTest
    static final ArchRule siblingModulesDoNotDependOnEachOther = noClasses()
            .that().resideInAnyPackage("org.memdse.cost..", "org.memdse.mapping..", "org.memdse.report..",
                    "org.memdse.onnx..", "org.memdse.nir..")
            .should().dependOnClassesThat().resideInAnyPackage("org.memdse.cli..", "org.memdse.architectures..")
            .because("modules meet in dse-core; only the cli wires them together")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule mappingDoesNotCallCostModels = noClasses().that().resideInAPackage("org.memdse.mapping..")
            .should().dependOnClassesThat().resideInAPackage("org.memdse.cost..")
            .because("the solver scores structural proxies; full evaluation happens after mapping")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule optaplannerStaysInTheSolverPackage = noClasses()
            .that().resideOutsideOfPackage("org.memdse.mapping.place.solver..")
            .should().dependOnClassesThat().resideInAPackage("org.optaplanner..");

    @ArchTest
    static final ArchRule commonsCsvStaysInTheCsvPackage = noClasses()
            .that().resideOutsideOfPackage("org.memdse.report.csv..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..");

    @ArchTest
    static final ArchRule picocliStaysInTheCli = noClasses().that().resideOutsideOfPackage("org.memdse.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule protobufStaysInTheOnnxImporter = noClasses().that().resideOutsideOfPackage("org.memdse.onnx..")
            .should().dependOnClassesThat().resideInAPackage("com.google.protobuf..");

    @ArchTest
    static final ArchRule jhdfStaysInTheNirImporter = noClasses().that().resideOutsideOfPackage("org.memdse.nir..")
            .should().dependOnClassesThat().resideInAPackage("io.jhdf..");

    @ArchTest
    static final ArchRule onlyTheCliExits = noClasses().that().resideOutsideOfPackage("org.memdse.cli..")
            .should().callMethod(System.class, "exit", int.class);

    @ArchTest
    static final ArchRule onlyTheCliPrints = noClasses().that().resideOutsideOfPackage("org.memdse.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);
}
