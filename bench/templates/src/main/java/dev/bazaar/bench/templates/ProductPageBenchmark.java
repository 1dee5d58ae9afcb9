package dev.bazaar.bench.templates;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One product page rendered to a String, per engine. The model, the formats and the messages are built once; each
 * call renders the whole page (layout, 19 cards, 10 reviews) with every label looked up and every value escaped.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class ProductPageBenchmark {

    private ThymeleafPage thymeleaf;
    private ThymeleafPage thymeleafSpring;
    private JtePage jte;

    @Setup
    public void setUp() {
        Model.Page page = Fixtures.page();
        thymeleaf = ThymeleafPage.plain(page, Locale.US);
        thymeleafSpring = ThymeleafPage.spring(page, Locale.US);
        jte = new JtePage(page, Locale.US);
        Equivalence.check(thymeleaf.render(), jte.render());
        Equivalence.check(thymeleafSpring.render(), jte.render());
    }

    /** Plain Thymeleaf: OGNL, StandardMessageResolver (the framework-light setup). */
    @Benchmark
    public String thymeleaf() {
        return thymeleaf.render();
    }

    /** Thymeleaf as the application runs it: SpringTemplateEngine, compiled SpEL, a ResourceBundleMessageSource. */
    @Benchmark
    public String thymeleafSpring() {
        return thymeleafSpring.render();
    }

    /** JTE, precompiled at build time. */
    @Benchmark
    public String jte() {
        return jte.render();
    }
}
