package dev.bazaar.recommendation.internal.algorithms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the UCI Online Retail invoice lines (Chen, Sain and Guo 2012) as customers' purchases, keeping what a
 * recommender may learn from: sales (not cancellations, returns or zero-price lines) of products (not postage,
 * fees, manual adjustments, gift vouchers) to known customers (guests have no id). Stock codes are upper-cased, as
 * in the demo catalog: the data spells a few codes both ways.
 */
final class OnlineRetailPurchases {

    /** One invoice line of a product sold to a customer. */
    record Purchase(
            String invoice, String item, long customer, LocalDateTime at, BigDecimal unitPrice, String description) {}

    /** Postage, carriage, manual entries, bank charges, fees, discounts, samples, commission, pads, bad debt. */
    private static final Set<String> NON_PRODUCT_CODES =
            Set.of("POST", "DOT", "M", "BANK CHARGES", "AMAZONFEE", "D", "S", "CRUK", "PADS", "B", "C2");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OnlineRetailPurchases() {}

    static List<Purchase> read(Path csvGz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(csvGz), 1 << 16);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            // The same invoice, code and description strings repeat thousands of times; keep one of each.
            Map<String, String> strings = new HashMap<>();
            List<Purchase> purchases = new ArrayList<>();
            for (CSVRecord row : parser) {
                String invoice = row.get("InvoiceNo").trim();
                String code = row.get("StockCode").trim().toUpperCase(Locale.ROOT);
                String customer = row.get("CustomerID").trim();
                if (invoice.startsWith("C") || customer.isEmpty() || !isProduct(code)) {
                    continue;
                }
                BigDecimal unitPrice = new BigDecimal(row.get("UnitPrice").trim());
                if (Integer.parseInt(row.get("Quantity").trim()) <= 0 || unitPrice.signum() <= 0) {
                    continue;
                }
                purchases.add(new Purchase(
                        strings.computeIfAbsent(invoice, s -> s),
                        strings.computeIfAbsent(code, s -> s),
                        (long) Double.parseDouble(customer),
                        LocalDateTime.parse(row.get("InvoiceDate").trim(), DATE_TIME),
                        unitPrice,
                        strings.computeIfAbsent(row.get("Description").trim(), s -> s)));
            }
            return purchases;
        }
    }

    static boolean isProduct(String code) {
        return !code.isEmpty() && !NON_PRODUCT_CODES.contains(code) && !code.startsWith("GIFT_");
    }
}
