package io.videocallsupport.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where request bodies are bounded ({@link RequestLimits}). The filters run before Spring Security
 * and Camunda's REST authentication, so that an oversized body is refused before anything reads it,
 * and after the character encoding filter, so that form bodies are decoded as UTF-8.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class RequestLimitsConfiguration {

  /** Just after Spring Boot's character encoding filter, before the request context and security filters. */
  private static final int ORDER = -110;

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> webhookBodyLimit(RequestLimits limits) {
    return registration("webhook-body-limit", new RequestBodyLimitFilter(limits.webhookBody().toBytes(), true),
        "/webhooks/*");
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> apiBodyLimit(RequestLimits limits) {
    return registration("api-body-limit", new RequestBodyLimitFilter(limits.apiBody().toBytes(), true), "/api/*");
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> engineRestBodyLimit(RequestLimits limits) {
    return registration("engine-rest-body-limit",
        new RequestBodyLimitFilter(limits.engineRestBody().toBytes(), false), "/engine-rest/*");
  }

  private static FilterRegistrationBean<RequestBodyLimitFilter> registration(String name,
                                                                             RequestBodyLimitFilter filter,
                                                                             String urlPattern) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(urlPattern);
    registration.setOrder(ORDER);
    return registration;
  }
}
