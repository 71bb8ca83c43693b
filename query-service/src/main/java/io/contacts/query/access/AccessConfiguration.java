package io.contacts.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration
class AccessConfiguration {

    /** Only the public API is guarded; the internal endpoints and actuator are not routed by the edge. */
    @Bean
    FilterRegistrationBean<AccessFilter> accessFilter(AccessChecker checker, List<SignedPath> signedPaths,
                                                      ObjectMapper objectMapper) {
        FilterRegistrationBean<AccessFilter> registration =
                new FilterRegistrationBean<>(new AccessFilter(checker, signedPaths, objectMapper));
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }

    /** Operator endpoints (projection rebuild, dead letters): the platform token, as on the command-service. */
    @Bean
    FilterRegistrationBean<PlatformTokenFilter> platformTokenFilter(
            @Value("${contacts.platform-token:}") String platformToken, ObjectMapper objectMapper) {
        FilterRegistrationBean<PlatformTokenFilter> registration =
                new FilterRegistrationBean<>(new PlatformTokenFilter(platformToken, objectMapper));
        registration.addUrlPatterns("/platform/*");
        return registration;
    }
}
