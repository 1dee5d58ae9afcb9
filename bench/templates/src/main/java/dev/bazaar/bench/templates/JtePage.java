package dev.bazaar.bench.templates;

import dev.bazaar.bench.templates.Model.Page;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Locale;
import java.util.Map;

/** The product page with JTE: templates precompiled by jte-maven-plugin into target/classes, loaded from the jar. */
public final class JtePage {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<String, Object> params;

    public JtePage(Page page, Locale locale) {
        params = Map.of("page", page,
                "msg", new Messages(Messages.load("i18n/messages.properties"), locale),
                "fmt", new Formats(locale));
    }

    public String render() {
        StringOutput out = new StringOutput();
        engine.render("product.jte", params, out);
        return out.toString();
    }
}
