package dev.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owner module, and a module's SQL names only its own tables, apart from the cross-module
 * references that ADR 8 (docs/adr/0008-shared-schema-and-table-ownership.md) allows. Reads the sources and the
 * migrations as text: no Spring context, no database.
 *
 * <p>A change here is a change of the ADR: add a table to its owner in both, and allow a new cross-module
 * reference only with its reason written there.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/bazaar");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Each module's tables: the "Owns" column of docs/architecture.md and the ADR's ownership table. */
    private static final Map<String, List<String>> OWNED = Map.ofEntries(
            Map.entry("identity", List.of("users", "user_addresses", "auth_sessions", "refresh_tokens")),
            Map.entry("catalog", List.of("categories", "products")),
            Map.entry("media", List.of("product_images", "media_state")),
            Map.entry("inventory", List.of("inventory_items", "inventory_reservations", "inventory_movements")),
            Map.entry("cart", List.of("carts", "cart_items", "coupons", "coupon_redemptions", "customer_discounts")),
            Map.entry("order", List.of("orders", "order_items", "order_status_history", "order_requests")),
            Map.entry("payment", List.of("payments", "gift_cards", "test_gateway_operations")),
            Map.entry("review", List.of("reviews", "review_helpful_votes", "review_purchases")),
            Map.entry("recommendation", List.of("user_behavior", "user_recommendations")),
            Map.entry("platform", List.of("notifications", "event_publication", "flyway_schema_history")));

    /** Tables no migration creates: Spring Modulith's event publication log and Flyway's history. */
    private static final Set<String> LIBRARY_TABLES = Set.of("event_publication", "flyway_schema_history");

    /** The other modules' tables a module's SQL may name (module -> table), each with its reason in the ADR. */
    private static final Set<String> ALLOWED_SQL = Set.of(
            // the PostgreSQL full-text fallback while the search engine is down: reads only, with the catalog's index
            "search -> products",
            "search -> categories",
            // debt: skips a behaviour row whose product or user is gone, rather than fail on user_behavior's keys
            "recommendation -> products",
            "recommendation -> users");

    /** The foreign keys from one module's table to another's (table -> referenced table), for integrity. */
    private static final Set<String> ALLOWED_FOREIGN_KEYS = Set.of(
            "products -> users",
            "inventory_items -> products",
            "inventory_reservations -> products",
            "inventory_movements -> products",
            "carts -> users",
            "cart_items -> products",
            "customer_discounts -> users",
            "coupon_redemptions -> users",
            "orders -> users",
            "order_items -> products",
            "order_requests -> users",
            "reviews -> users",
            "reviews -> products",
            "review_helpful_votes -> users",
            "user_behavior -> users",
            "user_behavior -> products",
            "user_recommendations -> users",
            "user_recommendations -> products",
            "notifications -> users");

    private static final String NAME = "(?:\"?public\"?\\.)?\"?([a-z_][a-z0-9_]*)\"?";

    /** A table named after the SQL keyword that takes one; {@code FROM a, b} is read on by {@link #FROM_LIST}. */
    private static final Pattern TABLE_AFTER_KEYWORD = Pattern.compile(
            "\\b(FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|USING|COPY|ANALYZE|TRUNCATE|VACUUM(?:\\s*\\([^)]*\\))?)"
                    + "\\s+(?:ONLY\\s+)?(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE);

    /** The further tables of a FROM list: {@code , name} up to the clause's end. */
    private static final Pattern FROM_LIST = Pattern.compile(
            "^(?:[^;()]*?)(?=\\b(?:WHERE|GROUP|ORDER|LIMIT|JOIN|ON|UNION|RETURNING|HAVING|WINDOW)\\b|[;()]|$)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NEXT_IN_LIST = Pattern.compile(",\\s*" + NAME, Pattern.CASE_INSENSITIVE);

    private static final Pattern TABLE_STATEMENT = Pattern.compile(
            "^\\s*(CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?|ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?"
                    + "(?:ONLY\\s+)?)"
                    + NAME,
            Pattern.CASE_INSENSITIVE);

    private static final Pattern REFERENCES = Pattern.compile("\\bREFERENCES\\s+" + NAME, Pattern.CASE_INSENSITIVE);

    private static Map<String, String> ownerOfTable() {
        Map<String, String> owners = new TreeMap<>();
        OWNED.forEach((module, tables) -> tables.forEach(table -> {
            String previous = owners.put(table, module);
            assertThat(previous)
                    .as("%s has two owners: %s and %s", table, previous, module)
                    .isNull();
        }));
        return owners;
    }

    @Test
    void everyOwnerIsAModule() {
        for (String module : OWNED.keySet()) {
            assertThat(SOURCES.resolve(module))
                    .as("owner %s is a module", module)
                    .isDirectory();
        }
    }

    @Test
    void everyTableAMigrationCreatesHasAnOwner() {
        Map<String, String> owners = ownerOfTable();
        Set<String> created = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Statement statement : migrationStatements()) {
            if (statement.creates()) {
                created.add(statement.table());
                if (!owners.containsKey(statement.table())) {
                    problems.add(statement.file() + " creates table " + statement.table()
                            + ", which has no owner: add it to its module in TableOwnershipTest.OWNED, the ADR"
                            + " (docs/adr/0008-shared-schema-and-table-ownership.md) and docs/architecture.md");
                }
            }
        }
        for (String table : owners.keySet()) {
            if (!created.contains(table) && !LIBRARY_TABLES.contains(table)) {
                problems.add(
                        table + " has an owner but no migration creates it: remove it from TableOwnershipTest.OWNED");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void foreignKeysCrossModulesOnlyWhereAllowed() {
        Map<String, String> owners = ownerOfTable();
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Statement statement : migrationStatements()) {
            Matcher references = REFERENCES.matcher(statement.text());
            while (references.find()) {
                String target = references.group(1).toLowerCase();
                String from = owners.get(statement.table());
                String to = owners.get(target);
                if (from == null || to == null) {
                    problems.add(statement.file() + ": a foreign key from " + statement.table() + " to " + target
                            + " names a table without an owner");
                } else if (!from.equals(to)) {
                    String pair = statement.table() + " -> " + target;
                    used.add(pair);
                    if (!ALLOWED_FOREIGN_KEYS.contains(pair)) {
                        problems.add(statement.file() + ": foreign key " + pair + " crosses from module " + from
                                + " to module " + to + " and is not allowed by docs/adr/0008-shared-schema-and-table-"
                                + "ownership.md (TableOwnershipTest.ALLOWED_FOREIGN_KEYS)");
                    }
                }
            }
        }
        for (String pair : ALLOWED_FOREIGN_KEYS) {
            if (!used.contains(pair)) {
                problems.add("allowed foreign key " + pair + " is no longer in the migrations: remove it from"
                        + " TableOwnershipTest.ALLOWED_FOREIGN_KEYS and the ADR");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void aModulesSqlNamesOnlyItsOwnTablesOrAllowedOnes() {
        Map<String, String> owners = ownerOfTable();
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Path file : javaSources()) {
            Path relative = SOURCES.relativize(file);
            String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "(application)";
            for (Literal literal : literals(read(file))) {
                for (String table : tablesNamed(literal.text())) {
                    String owner = owners.get(table);
                    if (owner == null || owner.equals(module)) {
                        continue;
                    }
                    String pair = module + " -> " + table;
                    used.add(pair);
                    if (!ALLOWED_SQL.contains(pair)) {
                        problems.add(file + ":" + literal.line() + ": module " + module + " names table " + table
                                + " of module " + owner + " in SQL; go through " + owner + "'s facade or events, or"
                                + " allow it with its reason in docs/adr/0008-shared-schema-and-table-ownership.md"
                                + " (TableOwnershipTest.ALLOWED_SQL)");
                    }
                }
            }
        }
        for (String pair : ALLOWED_SQL) {
            if (!used.contains(pair)) {
                problems.add("allowed reference " + pair + " is no longer in the SQL: remove it from"
                        + " TableOwnershipTest.ALLOWED_SQL and the ADR");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void theScannerFindsTablesInSql() {
        assertThat(tablesNamed("SELECT p.id FROM products p, categories c WHERE c.id = p.category_id"))
                .containsExactly("categories", "products");
        assertThat(tablesNamed("INSERT INTO user_behavior (a) SELECT 1 WHERE EXISTS (SELECT 1 FROM public.users)"))
                .containsExactly("user_behavior", "users");
        assertThat(tablesNamed("UPDATE orders SET x = 1")).containsExactly("orders");
        assertThat(tablesNamed("delete from carts where id = :id")).containsExactly("carts");
        assertThat(tablesNamed("COPY inventory_items (product_id) FROM STDIN")).contains("inventory_items");
        assertThat(tablesNamed("VACUUM (ANALYZE) products")).containsExactly("products");
        assertThat(tablesNamed("SELECT 1 FROM a JOIN \"reviews\" r ON true")).contains("reviews");
        assertThat(tablesNamed("/api/v1/products")).isEmpty();
        assertThat(literals("String s = \"SELECT * FROM \" // why\n + \"orders\"; char c = '\"';"
                                + " String t = \"\"\"\n  UPDATE carts\n  \"\"\";")
                        .stream()
                        .map(Literal::text)
                        .toList())
                .containsExactly("SELECT * FROM orders", "  UPDATE carts\n  ");
    }

    /** The table names after SQL keywords in {@code sql}, lower case. */
    static Set<String> tablesNamed(String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher matcher = TABLE_AFTER_KEYWORD.matcher(sql);
        while (matcher.find()) {
            tables.add(matcher.group(2).toLowerCase());
            if (matcher.group(1).equalsIgnoreCase("FROM")) {
                Matcher rest = FROM_LIST.matcher(sql.substring(matcher.end()));
                if (rest.find()) {
                    Matcher next = NEXT_IN_LIST.matcher(rest.group());
                    while (next.find()) {
                        tables.add(next.group(1).toLowerCase());
                    }
                }
            }
        }
        return tables;
    }

    record Literal(String text, int line) {}

    /**
     * The string literals and text blocks of a Java source, outside comments; literals joined by {@code +} (with
     * comments between them) are one literal, so SQL split over lines is read whole.
     */
    static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        boolean onlyPlusSinceLast = false;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i++;
                while (i < n && source.charAt(i) != '\'') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                onlyPlusSinceLast = false;
            } else if (c == '"') {
                int line = 1
                        + (int) source.substring(0, i)
                                .chars()
                                .filter(ch -> ch == '\n')
                                .count();
                boolean block = source.startsWith("\"\"\"", i);
                String terminator = block ? "\"\"\"" : "\"";
                int start = block ? source.indexOf('\n', i) + 1 : i + 1;
                int j = start;
                while (j < n && !source.startsWith(terminator, j)) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                String text = source.substring(start, Math.min(j, n));
                if (onlyPlusSinceLast && !literals.isEmpty()) {
                    Literal previous = literals.removeLast();
                    literals.add(new Literal(previous.text() + text, previous.line()));
                } else {
                    literals.add(new Literal(text, line));
                }
                i = j + terminator.length();
                onlyPlusSinceLast = true;
            } else {
                if (!Character.isWhitespace(c) && c != '+') {
                    onlyPlusSinceLast = false;
                }
                i++;
            }
        }
        return literals;
    }

    record Statement(String file, String table, boolean creates, String text) {}

    /** The migrations' CREATE TABLE and ALTER TABLE statements, comments removed. */
    private static List<Statement> migrationStatements() {
        List<Statement> statements = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String sql = read(file).replaceAll("--[^\n]*", "");
                for (String text : sql.split(";")) {
                    Matcher matcher = TABLE_STATEMENT.matcher(text);
                    if (matcher.find()) {
                        boolean creates = matcher.group(1).toUpperCase().startsWith("CREATE");
                        statements.add(new Statement(
                                file.getFileName().toString(), matcher.group(2).toLowerCase(), creates, text));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(statements).as("the migrations in %s", MIGRATIONS).isNotEmpty();
        return statements;
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
