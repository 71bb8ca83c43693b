package io.contacts.command.idempotency;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;

/** Keys on every POST of the API and the platform API, after their authentication; the sweep of expired keys. */
@Configuration
@EnableScheduling
class IdempotencyConfiguration implements WebMvcConfigurer {

    private final IdempotencyInterceptor interceptor;

    IdempotencyConfiguration(IdempotencyInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/v1/**", "/platform/api/v1/**")
                .order(Ordered.LOWEST_PRECEDENCE);
    }

    @Bean
    KeyedTransactionManager transactionManager(DataSource dataSource, IdempotencyKeys keys) {
        return new KeyedTransactionManager(dataSource, keys);
    }
}
