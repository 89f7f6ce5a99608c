package io.videocallsupport.zoom;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Downloads a call's transcript (WebVTT) from Zoom and turns it into plain text for the agent's
 * summary. Only Zoom's own hosts are trusted with the access token: a download URL pointing
 * anywhere else is refused.
 */
@Component
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ZoomVideoPlatform.NAME)
class ZoomTranscripts {

  private final ZoomAccessTokens tokens;
  private final ZoomProperties properties;
  private final RestClient http;

  ZoomTranscripts(ZoomAccessTokens tokens, ZoomProperties properties, RestClient.Builder http) {
    this.tokens = tokens;
    this.properties = properties;
    this.http = http.build();
  }

  String download(String downloadUrl) {
    URI uri = URI.create(downloadUrl);
    if (!isTrusted(uri)) {
      throw new UntrustedDownloadException("Refusing to download a transcript from " + uri.getHost()
          + ": not a Zoom host (" + properties.trustedDownloadHosts() + ")");
    }
    String vtt = http.get().uri(uri).header("Authorization", "Bearer " + tokens.current()).retrieve()
        .body(String.class);
    return plainText(vtt == null ? "" : vtt);
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
