package io.videocallsupport.zoom;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Downloads a call's transcript (WebVTT) from Zoom and turns it into plain text for the agent's
 * summary. Only Zoom's own hosts are trusted with the access token: a download URL pointing
 * anywhere else is refused. At most {@code vcs.zoom.max-transcript-download} is read (hours of
 * speech are a few MB); a larger file is cut after its last whole line, with a note saying so.
 */
@Component
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ZoomVideoPlatform.NAME)
class ZoomTranscripts {

  private static final Logger LOG = LoggerFactory.getLogger(ZoomTranscripts.class);

  private final ZoomAccessTokens tokens;
  private final ZoomProperties properties;
  private final RestClient http;
  private final int maxDownloadBytes;

  ZoomTranscripts(ZoomAccessTokens tokens, ZoomProperties properties, RestClient.Builder http,
                  @Value("${vcs.zoom.max-transcript-download:16MB}") DataSize maxDownload) {
    this.tokens = tokens;
    this.properties = properties;
    this.http = http.build();
    this.maxDownloadBytes = (int) Math.min(Integer.MAX_VALUE - 16, maxDownload.toBytes());
  }

  String download(String downloadUrl) {
    URI uri = URI.create(downloadUrl);
    if (!isTrusted(uri)) {
      throw new UntrustedDownloadException("Refusing to download a transcript from " + uri.getHost()
          + ": not a Zoom host (" + properties.trustedDownloadHosts() + ")");
    }
    return http.get().uri(uri).header("Authorization", "Bearer " + tokens.current())
        .exchange((request, response) -> {
          if (response.getStatusCode().isError()) {
            throw new RestClientResponseException("Zoom answered the transcript download with "
                + response.getStatusCode(), response.getStatusCode(), response.getStatusText(), response.getHeaders(),
                null, null);
          }
          try (InputStream body = response.getBody()) {
            byte[] vtt = body.readNBytes(maxDownloadBytes + 1);
            if (vtt.length <= maxDownloadBytes) {
              return plainText(new String(vtt, StandardCharsets.UTF_8));
            }
            LOG.warn("The transcript at {} is larger than {} bytes: kept its beginning", uri.getHost() + uri.getPath(),
                maxDownloadBytes);
            String beginning = new String(vtt, 0, maxDownloadBytes, StandardCharsets.UTF_8);
            return plainText(beginning.substring(0, Math.max(0, beginning.lastIndexOf('\n'))))
                + "\n[The transcript file was larger than " + maxDownloadBytes + " bytes; the rest was not kept.]";
          }
        });
  }

  boolean isTrusted(URI uri) {
    String host = uri.getHost();
    if (host == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
      return false;
    }
    return properties.trustedDownloadHosts().stream()
        .anyMatch(trusted -> host.equalsIgnoreCase(trusted) || host.toLowerCase().endsWith("." + trusted));
  }

  /** The spoken lines of a WebVTT file, one per cue, without header, cue numbers and timings. */
  static String plainText(String vtt) {
    List<String> lines = new ArrayList<>();
    for (String line : vtt.replace("\r\n", "\n").split("\n")) {
      String text = line.strip();
      boolean header = text.startsWith("WEBVTT") || text.startsWith("NOTE");
      boolean cueNumber = text.matches("\\d+");
      boolean timing = text.contains("-->");
      if (!text.isEmpty() && !header && !cueNumber && !timing) {
        lines.add(text);
      }
    }
    return String.join("\n", lines);
  }

  static class UntrustedDownloadException extends RuntimeException {
    UntrustedDownloadException(String message) {
      super(message);
    }
  }
}
