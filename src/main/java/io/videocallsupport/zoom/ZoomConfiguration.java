package io.videocallsupport.zoom;

import feign.Client;
import feign.hc5.ApacheHttp5Client;
import java.util.LinkedHashMap;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Zoom is the video platform when {@code vcs.video.platform=zoom} (environment: {@code VIDEO_PLATFORM=zoom}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ZoomVideoPlatform.NAME)
@EnableFeignClients(clients = {ZoomApiClient.class, ZoomOAuthClient.class})
class ZoomConfiguration {

  /**
   * The HTTP client under Feign, without Apache HttpClient's automatic retries: it would repeat a
   * request after a 429 or 503 on its own (even a POST that creates a meeting) and sleep for the
   * whole {@code Retry-After}. Retries are the Camunda job's business.
   */
  @Bean
  CloseableHttpClient feignHttpClient() {
    return HttpClients.custom()
        .disableAutomaticRetries()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(50)
            .setMaxConnPerRoute(20).build())
        .build();
  }

  /** Feign on that client; Spring Cloud OpenFeign's own Apache client configuration steps aside for it. */
  @Bean
  Client feignClient(CloseableHttpClient feignHttpClient) {
    return new ApacheHttp5Client(feignHttpClient);
  }

  /** Fails the start with a clear message rather than the first call with an odd one. */
  ZoomConfiguration(ZoomProperties zoom) {
    Map<String, String> required = new LinkedHashMap<>();
    required.put("ZOOM_ACCOUNT_ID", zoom.accountId());
    required.put("ZOOM_CLIENT_ID", zoom.clientId());
    required.put("ZOOM_CLIENT_SECRET", zoom.clientSecret());
    required.put("ZOOM_WEBHOOK_SECRET", zoom.webhookSecret());
    List<String> missing = required.entrySet().stream()
        .filter(e -> e.getValue() == null || e.getValue().isBlank()).map(Map.Entry::getKey).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("VIDEO_PLATFORM=zoom needs " + String.join(", ", missing));
    }
  }
}
