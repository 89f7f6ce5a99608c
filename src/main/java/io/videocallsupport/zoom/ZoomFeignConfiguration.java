package io.videocallsupport.zoom;

import feign.FeignException;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import org.springframework.context.annotation.Bean;

/**
 * Feign configuration of {@link ZoomApiClient} only (not a Spring configuration on its own): the
 * bearer token on every request, and no Feign-level retries — retries belong to the Camunda job,
 * which knows whether a call may be repeated.
 */
class ZoomFeignConfiguration {

  @Bean
  RequestInterceptor zoomBearerToken(ZoomAccessTokens tokens) {
    return request -> request.header("Authorization", "Bearer " + tokens.current());
  }

  @Bean
  Retryer zoomNoRetries() {
    return Retryer.NEVER_RETRY;
  }

  /**
   * Every error status as its FeignException subtype (TooManyRequests, NotFound, ...) with the
   * response headers; Feign's default would turn any answer with {@code Retry-After} into a
   * "retryable" exception and lose the status.
   */
  @Bean
  ErrorDecoder zoomErrors() {
    return FeignException::errorStatus;
  }
}
