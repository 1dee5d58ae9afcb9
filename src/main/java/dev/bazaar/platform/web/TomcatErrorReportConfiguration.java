package dev.bazaar.platform.web;

import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's {@link ErrorReportValve}. Ordered last, so it runs after
 * Spring Boot's own customizer, which adds a plain {@code ErrorReportValve} to the host; that one is removed.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReportConfiguration {

    @Bean
    JsonErrorReportValveCustomizer jsonErrorReportValve() {
        return new JsonErrorReportValveCustomizer();
    }

    static final class JsonErrorReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> replaceErrorReportValve(context.getParent()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static void replaceErrorReportValve(Container parent) {
        if (!(parent instanceof Host host)) {
            return;
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new JsonErrorReportValve());
        if (host instanceof org.apache.catalina.core.StandardHost standard) {
            // the host adds a valve of this class at start unless one is in its pipeline already
            standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
    }
}
