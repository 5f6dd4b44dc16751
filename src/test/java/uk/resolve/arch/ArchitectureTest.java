/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layers point one way: ui → app services → domain. */
@AnalyzeClasses(packages = "uk.resolve", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("uk.resolve.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                    "uk.resolve.store..", "uk.resolve.app..", "uk.resolve.ui..", "uk.resolve.cli..");

    @ArchTest
    static final ArchRule onlyTheStoreAndSyncSpeakSql = noClasses().that()
            .resideOutsideOfPackages("uk.resolve.store..", "uk.resolve.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.flywaydb..", "org.h2..");

    @ArchTest
    static final ArchRule theUserInterfaceGoesThroughTheServices = noClasses().that().resideInAPackage("uk.resolve.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("uk.resolve.store..", "uk.resolve.cli..");

    @ArchTest
    static final ArchRule nothingButTheUiUsesJavaFx = noClasses().that()
            .resideOutsideOfPackages("uk.resolve.ui..")
            .and().doNotHaveFullyQualifiedName("uk.resolve.app.Main")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");
}
