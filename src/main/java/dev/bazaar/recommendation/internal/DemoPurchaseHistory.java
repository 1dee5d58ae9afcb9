package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.identity.Customers;
import dev.bazaar.identity.Customers.ImportedCustomer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start of the demo store (after the demo catalog is imported, and while no purchase is recorded), loads
 * the purchase history of the UCI Online Retail data set shipped in {@code demo/purchases.csv.gz} (derived by
 * {@code tools/derive-demo-purchases.py}): its 4,334 customers become accounts without a password
 * ({@code customer-{id}@demo.bazaar.local}), its 18,399 invoices become their purchases, replayed so that the last
 * invoice is now. Then the models are trained, so "frequently bought together", similar products and personal
 * recommendations are real from the first page.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "bazaar.demo.enabled", havingValue = "true")
class DemoPurchaseHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPurchaseHistory.class);
    private static final CSVFormat WITH_HEADER =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    static final String RESOURCE = "demo/purchases.csv.gz";

    private final BehaviourStore behaviours;
    private final ProductCatalog catalog;
    private final Customers customers;
    private final RecommendationRefresher refresher;

    DemoPurchaseHistory(
            BehaviourStore behaviours, ProductCatalog catalog, Customers customers, RecommendationRefresher refresher) {
        this.behaviours = behaviours;
        this.catalog = catalog;
        this.customers = customers;
        this.refresher = refresher;
    }

    /** One invoice of the file. */
    record Invoice(String number, long customer, long minutesBeforeLast, List<String> stockCodes) {}

    @Override
    public void run(ApplicationArguments args) {
        if (behaviours.hasPurchases()) {
            return;
        }
        long started = System.nanoTime();
        List<Invoice> invoices = read();
        Set<String> skus = new LinkedHashSet<>();
        invoices.forEach(invoice -> invoice.stockCodes().forEach(code -> skus.add("UCI-" + code)));
        Map<String, UUID> products = catalog.idsBySku(skus);
        if (products.isEmpty()) {
            return; // not the demo catalog
        }
        Map<String, UUID> accounts = customers.importCustomers(invoices.stream()
                .map(Invoice::customer)
                .distinct()
                .map(id -> new ImportedCustomer(email(id), "Demo customer " + id))
                .toList());
        Instant now = Instant.now();
        List<BehaviourStore.Purchase> purchases = new ArrayList<>();
        for (Invoice invoice : invoices) {
            UUID user = accounts.get(email(invoice.customer()));
            Instant at = now.minus(Duration.ofMinutes(invoice.minutesBeforeLast()));
            for (String code : invoice.stockCodes()) {
                UUID product = products.get("UCI-" + code);
                if (product != null && user != null) {
                    purchases.add(new BehaviourStore.Purchase("UCI-" + invoice.number(), user, product, at));
                }
            }
        }
        behaviours.recordPurchases(purchases);
        log.info(
                "Imported the demo purchase history: {} purchases in {} invoices of {} customers in {} ms",
                purchases.size(),
                invoices.size(),
                accounts.size(),
                (System.nanoTime() - started) / 1_000_000);
        refresher.retrainNow();
    }

    static String email(long customer) {
        return "customer-" + customer + "@demo.bazaar.local";
    }

    static List<Invoice> read() {
        try (InputStream raw = DemoPurchaseHistory.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IOException(RESOURCE + " is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8);
                    CSVParser rows = WITH_HEADER.parse(reader)) {
                return rows.stream().map(DemoPurchaseHistory::invoice).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo purchase history", e);
        }
    }

    private static Invoice invoice(CSVRecord row) {
        return new Invoice(
                row.get("invoice"),
                Long.parseLong(row.get("customer")),
                Long.parseLong(row.get("minutes_before_last")),
                List.of(row.get("stock_codes").split(" ")));
    }
}
