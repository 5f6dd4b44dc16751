/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Layers point one way: boot → ui / cli → app services → domain; SQL only in the store. */
@AnalyzeClasses(packages = "uk.resolve", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("uk.resolve.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                    "uk.resolve.store..", "uk.resolve.app..", "uk.resolve.ui..", "uk.resolve.cli..");

    /**
     * The store speaks SQL. So does sync, and only there: it copies entries between this database and
     * the team's shared H2 file or PostgreSQL server in one transaction on each side, which is JDBC
     * on a second database the store's gateway does not own.
     */
    @ArchTest
    static final ArchRule onlyTheStoreAndSyncSpeakSql = noClasses().that()
            .resideOutsideOfPackages("uk.resolve.store..", "uk.resolve.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..",
                    "org.h2..", "org.postgresql..")
            .because("SQL belongs to the store (and to sync's copy between two databases)");

    @ArchTest
    static final ArchRule theUserInterfaceGoesThroughTheServices = noClasses().that().resideInAPackage("uk.resolve.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("uk.resolve.store..", "uk.resolve.cli..",
                    "uk.resolve.boot..");

    @ArchTest
    static final ArchRule theServicesKnowNoFrontEnd = noClasses().that().resideInAPackage("uk.resolve.app..")
            .should().dependOnClassesThat().resideInAnyPackage("uk.resolve.ui..", "uk.resolve.cli..",
                    "uk.resolve.boot..")
            .because("the window and the command line are two front ends over the same services");

    @ArchTest
    static final ArchRule theCommandLineKnowsNoWindow = noClasses().that().resideInAPackage("uk.resolve.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("uk.resolve.ui..", "uk.resolve.boot..");

    /** The view factory hands each view model the services it uses; no screen holds the whole set. */
    @ArchTest
    static final ArchRule onlyTheShellHoldsAllTheServices = noClasses().that().resideInAPackage("uk.resolve.ui..")
            .and().resideOutsideOfPackage("uk.resolve.ui.shell")
            .and().doNotHaveFullyQualifiedName("uk.resolve.ui.ResolveApp")
            .should().dependOnClassesThat().haveFullyQualifiedName("uk.resolve.app.Services");

    /** One task runner: no screen starts a thread or an executor of its own. */
    @ArchTest
    static final ArchRule onlyTheTaskRunnerStartsThreadsInTheUi = noClasses().that().resideInAPackage("uk.resolve.ui..")
            .and().doNotBelongToAnyOf(uk.resolve.ui.support.Background.class, uk.resolve.ui.support.DraftStore.class)
            .should().dependOnClassesThat().belongToAnyOf(java.util.concurrent.Executors.class,
                    java.util.concurrent.ThreadPoolExecutor.class, java.util.concurrent.ForkJoinPool.class)
            .orShould().callConstructorWhere(DescribedPredicate.describe("a new thread",
                    (com.tngtech.archunit.core.domain.JavaConstructorCall c) -> c.getTargetOwner().isAssignableTo(Thread.class)))
            .because("the busy indicator and the tests' wait for quiet see only the runner's work");

    @ArchTest
    static final ArchRule nothingButTheUiUsesJavaFx = noClasses().that()
            .resideOutsideOfPackages("uk.resolve.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("uk.resolve.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenScreens = slices().matching("uk.resolve.ui.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInTheDomain = slices().matching("uk.resolve.domain.(*)..")
            .should().beFreeOfCycles();

    /**
     * What the services offer the front ends speaks in app and domain types: a screen or command
     * never holds a row, a table or the database. Constructors are left out: they are how the
     * composition root ({@code Services}) wires each service to its stores. Tests that build data
     * beneath the services reach the stores through {@code uk.resolve.app.TestAccess}, in test sources.
     */
    @ArchTest
    static final ArchRule theServicesPublicMethodsExposeNoStoreTypes = methods().that()
            .areDeclaredInClassesThat().resideInAPackage("uk.resolve.app..")
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(exposeNoTypeFrom("uk.resolve.store"));

    private static ArchCondition<JavaMethod> exposeNoTypeFrom(String pkg) {
        DescribedPredicate<JavaClass> fromStore = DescribedPredicate.describe("in " + pkg,
                c -> c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + "."));
        return new ArchCondition<>("expose no type from " + pkg) {
            @Override
            public void check(JavaMethod m, ConditionEvents events) {
                if (m.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || m.getModifiers().contains(JavaModifier.BRIDGE)) {
                    return;
                }
                Stream.concat(m.getReturnType().getAllInvolvedRawTypes().stream(),
                                m.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()))
                        .filter(fromStore)
                        .distinct()
                        .forEach(t -> events.add(SimpleConditionEvent.violated(m,
                                m.getFullName() + " exposes " + t.getName())));
            }
        };
    }
}
