package dev.bazaar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "one suffix per role" table of docs/conventions.md, checked on the compiled production classes, so that a
 * class's name keeps telling what it is. A failure names the class and the rule; rename the class (or, when the
 * role is new, add it to the table and here).
 */
class NamingConventionsTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bazaar");
    }

    @Test
    void sqlRepositoriesAreStores() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .should()
                .haveSimpleNameEndingWith("Store")
                .because("a SQL repository is <Thing>Store")
                .check(production);
    }

    @Test
    void restControllersAreControllers() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .haveSimpleNameEndingWith("Controller")
                .because("a REST controller is <Resource>Controller")
                .check(production);
    }

    @Test
    void settingsArePropertiesRecords() {
        classes()
                .that()
                .areAnnotatedWith(ConfigurationProperties.class)
                .should()
                .haveSimpleNameEndingWith("Properties")
                .andShould()
                .beRecords()
                .because("settings are a <Module>Properties record, never @Value")
                .check(production);
    }

    @Test
    void settingsAreReadThroughTypedPropertiesNeverValue() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(Value.class.getName())
                .because("a setting is a field of a <Module>Properties record, documented in the README's table")
                .check(production);
    }

    @Test
    void facadeImplementationsAreNamedAfterTheirFacade() {
        classes()
                .that()
                .areAnnotatedWith(Service.class)
                .and(implementAFacadeOfTheirOwnModule())
                .should(beNamedAfterTheFacadeTheyImplement())
                .because("a facade's implementation is <Facade>Service")
                .check(production);
    }

    @Test
    void moduleApisHoldNoImplementations() {
        classes()
                .that(areSpringComponentsWithARole())
                .and()
                .resideOutsideOfPackage("dev.bazaar.platform..")
                .should()
                .resideInAPackage("..internal..")
                .because("a module's root package is its public API; implementations live in internal")
                .check(production);
    }

    private static DescribedPredicate<JavaClass> areSpringComponentsWithARole() {
        return DescribedPredicate.describe(
                "are services, repositories or controllers",
                type -> type.isAnnotatedWith(Service.class)
                        || type.isAnnotatedWith(Repository.class)
                        || type.isAnnotatedWith(RestController.class));
    }

    private static DescribedPredicate<JavaClass> implementAFacadeOfTheirOwnModule() {
        return DescribedPredicate.describe(
                "implement a facade of their own module",
                type -> type.getRawInterfaces().stream().anyMatch(facade -> isFacadeOfModule(facade, type)));
    }

    private static ArchCondition<JavaClass> beNamedAfterTheFacadeTheyImplement() {
        return new ArchCondition<>("be named <Facade>Service") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean named = type.getRawInterfaces().stream()
                        .filter(facade -> isFacadeOfModule(facade, type))
                        .anyMatch(facade -> type.getSimpleName().equals(facade.getSimpleName() + "Service"));
                if (!named) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getName() + " implements a facade but is not named <Facade>Service"));
                }
            }
        };
    }

    /** A public interface in the root package of the module the implementation belongs to. */
    private static boolean isFacadeOfModule(JavaClass facade, JavaClass implementation) {
        String root = facade.getPackageName();
        return implementation.getPackageName().equals(root + ".internal")
                && facade.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC);
    }
}
