package io.videocallsupport.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a callback the way Twilio documents it: HMAC-SHA1 with the auth token over the full URL
 * followed by every POST field, name then value, sorted by name; Base64.
 */
public final class TwilioSignatures {

  public static String sign(String authToken, String url, Map<String, String> fields) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(fields).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private TwilioSignatures() {
  }
}
