package io.videocallsupport.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A customer's browser for page tests: keeps cookies, follows no redirects, posts forms with their CSRF token. */
class PageClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private String csrf;

  PageClient(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(path, "en");
  }

  HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language)
        .header("Accept", "text/html,*/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofString());
    Matcher matcher = CSRF.matcher(response.body());
    if (matcher.find()) {
      csrf = matcher.group(1);
    }
    return response;
  }

  HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Posts a form with the CSRF token of the last page, as the browser would. */
  HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
    return postRaw(path, csrf == null ? form : with(form, "_csrf", csrf));
  }

  /** Posts without a CSRF token, as a forged cross-site form would. */
  HttpResponse<String> postRaw(String path, Map<String, String> form) throws IOException, InterruptedException {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  Optional<HttpCookie> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
  }

  void forgetCookies() {
    cookies.getCookieStore().removeAll();
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** The path of a customer link in a message, e.g. {@code /survey/<token>}. */
  static String linkPath(String text, String page) {
    Matcher matcher = Pattern.compile("/" + page + "/([A-Za-z0-9_-]{40,})").matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("No /" + page + "/ link in " + text);
    }
    return "/" + page + "/" + matcher.group(1);
  }

  private static Map<String, String> with(Map<String, String> form, String key, String value) {
    java.util.LinkedHashMap<String, String> copy = new java.util.LinkedHashMap<>(form);
    copy.put(key, value);
    return copy;
  }
}
