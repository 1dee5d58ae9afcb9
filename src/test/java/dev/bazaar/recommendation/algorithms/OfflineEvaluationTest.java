package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.recommendation.internal.algorithms.OfflineEvaluation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline evaluation end to end on a small Online Retail-shaped file (the full data set runs from the command
 * line, see docs/recommendations.md): lines that are not product sales to known customers are dropped, the last 30
 * days are predicted, and every algorithm gets a row.
 */
class OfflineEvaluationTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void evaluatesEveryAlgorithmOnATimeSplit(@TempDir Path directory) throws IOException {
        Path data = directory.resolve("retail.csv.gz");
        int saleLines = writeData(data);

        String output = runMain(data);

        assertThat(output).contains(String.format("read %,d purchase lines", saleLines));
        assertThat(output)
                .contains("test split: learn before 2011-03-01T00:00")
                .doesNotContain(" 0 customers to predict");
        assertThat(output)
                .contains(
                        "| Popular (last 7 days) |",
                        "| Popular (all time) |",
                        "| Item-to-item CF |",
                        "| User-based CF |",
                        "| Content-based (category, price) |",
                        "| Association rules |",
                        "| Blend |");
        // The customers move along their ranges: neighbours who went first predict it, popularity cannot.
        assertThat(output).containsPattern("User-based CF NDCG@10: \\+\\d");
    }

    /**
     * 40 customers over 90 days, buying three products every six days from one of two ranges of 40 products,
     * moving along their range as time goes by: in the last 30 days they reach products they never bought, which
     * others bought before. Returns the number of valid sale lines.
     */
    private static int writeData(Path file) throws IOException {
        LocalDateTime start = LocalDateTime.of(2010, 12, 31, 10, 0);
        int saleLines = 0;
        try (Writer out =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            out.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            int invoice = 536_000;
            for (int day = 0; day <= 90; day += 3) {
                for (int customer = 0; customer < 40; customer++) {
                    if ((customer + day / 3) % 2 != 0) {
                        continue;
                    }
                    String at = start.plusDays(day).format(DATE);
                    invoice++;
                    for (int k = 0; k < 3; k++) {
                        String code = (customer % 2 == 0 ? "A" : "B") + (customer / 2 + day / 3 + k) % 40;
                        out.write(invoice + "," + code + ",ITEM " + code + ",2," + at + ",1.25," + (12_000 + customer)
                                + ".0,United Kingdom\n");
                        saleLines++;
                    }
                }
            }
            String at = start.plusDays(90).format(DATE);
            // None of these are product sales to a known customer.
            out.write("C999001,85123A,WHITE HANGING HEART,-1," + at + ",2.55,12000.0,United Kingdom\n");
            out.write("999002,85123A,WHITE HANGING HEART,-3," + at + ",2.55,12000.0,United Kingdom\n");
            out.write("999003,85123A,WHITE HANGING HEART,1," + at + ",0.00,12000.0,United Kingdom\n");
            out.write("999004,POST,POSTAGE,1," + at + ",18.00,12000.0,France\n");
            out.write("999005,85123A,WHITE HANGING HEART,1," + at + ",2.55,,United Kingdom\n");
        }
        return saleLines;
    }

    private static String runMain(Path data) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            OfflineEvaluation.main(new String[] {data.toString()});
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
