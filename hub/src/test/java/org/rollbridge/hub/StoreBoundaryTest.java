package org.rollbridge.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.rollbridge.storefixture.RollLoader;
import org.rollbridge.storefixture.RollQuery;
import org.rollbridge.storefixture.RollService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcCall;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * SQL lives in store and query classes (docs/adr/0008): a class whose simple name ends in {@code Store} or
 * {@code Query}, owned by the capability that owns its tables. Pages, controllers and services call them and see
 * no JDBC type. SQL is written one way, with JdbcClient. The few exceptions are named here and in the ADR.
 */
@AnalyzeClasses(packages = "org.rollbridge.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class StoreBoundaryTest {

    private static final List<String> JDBC = List.of("java.sql", "javax.sql", "org.springframework.jdbc",
            "org.postgresql");

    /**
     * Below SQL statements, or bulk loads: COPY on the transaction's connection, the schools' advisory locks, the
     * bulk transactions' own settings, the work queue's claim connection (docs/adr/0003), and the feeds, whose
     * staging and set-based merges are the pipeline's bulk SQL.
     */
    static final Set<String> BULK_LOAD = Set.of("CopyRows", "TransactionLocks", "BulkTransactions", "Workers", "CtfFeed",
            "AttendanceFeed", "ExclusionsFeed");

    /**
     * Below JdbcClient: COPY through the driver on the transaction's connection, and the work queue's claim, which
     * holds its row lock on a connection of its own (docs/adr/0003).
     */
    static final Set<String> BELOW_JDBC_CLIENT = Set.of("CopyRows", "Workers");

    @ArchTest
    static final ArchRule jdbcOnlyInStoresAndQueries = jdbcOnlyInStoresAndQueries(BULK_LOAD);

    @ArchTest
    static final ArchRule sqlThroughJdbcClient = sqlThroughJdbcClient(BELOW_JDBC_CLIENT);

    /** No JDBC type outside a {@code *Store}, a {@code *Query} or a class named (by simple name) as an exception. */
    static ArchRule jdbcOnlyInStoresAndQueries(Set<String> exceptions) {
        DescribedPredicate<JavaClass> notAStore = DescribedPredicate.describe(
                "are not stores, queries or named exceptions", c -> {
                    String name = topLevel(c).getSimpleName();
                    return !(name.endsWith("Store") || name.endsWith("Query") || exceptions.contains(name));
                });
        return noClasses().that(notAStore).should().dependOnClassesThat()
                .resideInAnyPackage(JDBC.stream().map(p -> p + "..").toArray(String[]::new))
                .because("SQL lives in one store or query class per group of tables (docs/adr/0008); pages, "
                        + "controllers and services call those");
    }

    /**
     * No JdbcTemplate (or its named-parameter and simple forms), no statement of our own on a raw connection and no
     * driver-level COPY, outside a class named (by simple name) as an exception. Result types (ResultSet, Array,
     * Timestamp) and passing the DataSource to CopyRows are the one way too.
     */
    static ArchRule sqlThroughJdbcClient(Set<String> exceptions) {
        DescribedPredicate<JavaClass> notAnException = DescribedPredicate.describe(
                "are not named exceptions " + exceptions, c -> !exceptions.contains(topLevel(c).getSimpleName()));
        return noClasses().that(notAnException).should().dependOnClassesThat().belongToAnyOf(JdbcTemplate.class,
                        NamedParameterJdbcTemplate.class, SimpleJdbcInsert.class, SimpleJdbcCall.class,
                        Connection.class, Statement.class, PreparedStatement.class, CallableStatement.class,
                        DriverManager.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.postgresql.copy..")
                .because("SQL is written one way, with Spring's JdbcClient (docs/adr/0008)");
    }

    /** The one-way rule checks something: a store writing SQL with JdbcTemplate or a raw statement fails it. */
    @ArchTest
    static void aStoreWritingSqlAnotherWayFailsAndJdbcClientDoesNot(JavaClasses hub) {
        JavaClasses fixtures = new ClassFileImporter().importPackages("org.rollbridge.storefixture");
        assertThatThrownBy(() -> sqlThroughJdbcClient(Set.of()).check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("RollTemplateStore.jdbc")
                .hasMessageContaining("java.sql.PreparedStatement").message().doesNotContain("RollQuery")
                .doesNotContain("RollPage");
        sqlThroughJdbcClient(Set.of("RollTemplateStore", "RollLoader")).check(fixtures);
    }

    /**
     * The rule checks something: a page holding SQL fails it; a query, a service calling it and a named exception
     * do not.
     */
    @ArchTest
    static void aPageHoldingSqlFailsAndAQueryOrANamedExceptionDoesNot(JavaClasses hub) {
        JavaClasses fixtures = new ClassFileImporter().importPackages("org.rollbridge.storefixture");
        assertThatThrownBy(() -> jdbcOnlyInStoresAndQueries(Set.of()).check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("storefixture.RollPage")
                .hasMessageContaining("storefixture.RollLoader").message().doesNotContain("RollQuery");
        assertThatThrownBy(() -> jdbcOnlyInStoresAndQueries(Set.of("RollLoader")).check(fixtures))
                .isInstanceOf(AssertionError.class).message().doesNotContain("RollLoader");
        jdbcOnlyInStoresAndQueries(Set.of("RollLoader")).check(new ClassFileImporter()
                .importClasses(RollService.class, RollQuery.class, RollLoader.class));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
