package io.shopscore.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package graph has no cycles: every package can be read, changed and tested knowing only the
 * packages below it. A value that two packages both need lives in a package below both of them.
 * Each package is its own slice, sub-packages included ({@code review.page} is not {@code review}),
 * so a sub-package is a real layer and not a place to hide a cycle.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shopscore");

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.shopscore.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
