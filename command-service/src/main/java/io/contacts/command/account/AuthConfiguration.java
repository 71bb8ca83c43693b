package io.contacts.command.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class AuthConfiguration implements WebMvcConfigurer {

    private final ApiAuthInterceptor apiAuth;
    private final PlatformTokenInterceptor platformToken;

    AuthConfiguration(ApiAuthInterceptor apiAuth, PlatformTokenInterceptor platformToken) {
        this.apiAuth = apiAuth;
        this.platformToken = platformToken;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(apiAuth).addPathPatterns("/api/v1/**");
        registry.addInterceptor(platformToken).addPathPatterns("/platform/api/v1/**");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
