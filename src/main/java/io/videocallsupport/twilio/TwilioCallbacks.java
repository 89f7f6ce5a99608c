package io.videocallsupport.twilio;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks Twilio's callbacks: {@code X-Twilio-Signature} is an HMAC of the URL Twilio called and
 * the form fields, keyed with the account's auth token.
 *
 * <p>The URL checked is the configured public URL plus the path, not what this server saw: behind
 * a proxy or load balancer the two differ, and Twilio signed the public one.
 */
final class TwilioCallbacks {

  private final RequestValidator signatures;
  private final String publicUrl;

  TwilioCallbacks(String authToken, String publicUrl) {
    this.signatures = new RequestValidator(authToken);
    this.publicUrl = withoutTrailingSlash(publicUrl);
  }

  /** The URL Twilio is given for a callback path, and signs. */
  String url(String path) {
    return publicUrl + path;
  }

  /** The request's form fields when its signature is Twilio's for this path; empty otherwise. */
  Optional<Map<String, String>> verified(String path, String signature, HttpServletRequest request) {
    Map<String, String> fields = new TreeMap<>();
    request.getParameterMap().forEach((name, values) -> fields.put(name, values.length == 0 ? "" : values[0]));
    return signature != null && signatures.validate(url(path), fields, signature)
        ? Optional.of(fields) : Optional.empty();
  }

  static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
