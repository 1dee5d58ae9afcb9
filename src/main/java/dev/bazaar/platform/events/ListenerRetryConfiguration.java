package dev.bazaar.platform.events;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.AsyncConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ListenerRetryProperties.class)
class ListenerRetryConfiguration {

    @Bean
    ListenerFailureLog listenerFailureLog(MeterRegistry meters) {
        ListenerFailureLog failureLog = new ListenerFailureLog();
        FunctionCounter.builder("bazaar.events.listener.failed", failureLog, ListenerFailureLog::failures)
                .description("In-process listener invocations that failed (their events are retried)")
                .register(meters);
        return failureLog;
    }

    /**
     * Boot's own configurer steps back when one is defined, so this one names Boot's executor (a fixed pool, ADR 10)
     * as the listeners' executor, unchanged, and only adds the failure handler.
     */
    @Bean
    AsyncConfigurer listenerFailureAsyncConfigurer(ListenerFailureLog failureLog, BeanFactory beans) {
        return new AsyncConfigurer() {
            @Override
            public Executor getAsyncExecutor() {
                return beans.getBean(
                        TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME, Executor.class);
            }

            @Override
            public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
                return failureLog;
            }
        };
    }

    @Bean
    FailedListenerResubmitter failedListenerResubmitter(
            IncompleteEventPublications publications, ListenerRetryProperties properties, MeterRegistry meters) {
        FailedListenerResubmitter resubmitter = new FailedListenerResubmitter(publications, properties);
        FunctionCounter.builder(
                        "bazaar.events.listener.resubmitted", resubmitter, FailedListenerResubmitter::resubmitted)
                .description("Event publications given again to an in-process listener that had failed")
                .register(meters);
        Gauge.builder("bazaar.events.listener.abandoned", resubmitter, FailedListenerResubmitter::abandoned)
                .description("Event publications that failed too often and wait for an operator")
                .register(meters);
        return resubmitter;
    }
}
