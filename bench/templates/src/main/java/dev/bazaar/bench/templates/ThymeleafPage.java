package dev.bazaar.bench.templates;

import dev.bazaar.bench.templates.Model.Page;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The product page with Thymeleaf. {@link #plain} is the framework-light engine (OGNL expressions, messages from
 * a properties file); {@link #spring} is how the application runs Thymeleaf (SpEL expressions, a Spring
 * MessageSource), with the same templates.
 */
public final class ThymeleafPage {

    private final TemplateEngine engine;
    private final Context context;

    private ThymeleafPage(TemplateEngine engine, Page page, Locale locale) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true); // as in production: parsed once, kept
        engine.setTemplateResolver(resolver);
        engine.setLinkBuilder(new ContextRootLinks());
        this.engine = engine;
        this.context = new Context(locale);
        context.setVariables(Map.ofEntries(
                Map.entry("product", page.product()),
                Map.entry("thisCard", page.thisCard()),
                Map.entry("bundle", page.bundle()),
                Map.entry("bundleTotal", page.bundleTotal()),
                Map.entry("alsoBought", page.alsoBought()),
                Map.entry("related", page.related()),
                Map.entry("reviews", page.reviews()),
                Map.entry("reviewSort", page.reviewSort()),
                Map.entry("cartCount", page.cartCount()),
                Map.entry("q", page.q()),
                Map.entry("lowStock", page.lowStock()),
                Map.entry("formats", new Formats(locale))));
        // "shopper" is left out: an anonymous visitor, null in the templates, as for most product views
    }

    public static ThymeleafPage plain(Page page, Locale locale) {
        TemplateEngine engine = new TemplateEngine();
        StandardMessageResolver messages = new StandardMessageResolver();
        messages.setDefaultMessages(Messages.load("i18n/messages.properties"));
        engine.setMessageResolver(messages);
        return new ThymeleafPage(engine, page, locale);
    }

    public static ThymeleafPage spring(Page page, Locale locale) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setEnableSpringELCompiler(true); // Spring Boot's Thymeleaf auto-configuration sets this too
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        engine.setTemplateEngineMessageSource(messages);
        return new ThymeleafPage(engine, page, locale);
    }

    public String render() {
        return engine.process("product", context);
    }

    /** Links as the application writes them when deployed at the root: no servlet request in a benchmark. */
    private static final class ContextRootLinks extends StandardLinkBuilder {
        @Override
        protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
            return "";
        }
    }
}
