package io.videocallsupport.system;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * A request whose body was read already ({@link RequestBodyLimitFilter}): the body comes from memory,
 * and the fields of a form body ({@code application/x-www-form-urlencoded}, as Twilio posts them)
 * are parsed from it, after those of the query string, as the servlet container would.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

  /** As many fields as Spring Boot lets Tomcat parse (server.tomcat.max-parameter-count). */
  static final int MAX_FIELDS = 1000;

  private final byte[] body;
  private final Map<String, String[]> parameters;

  /** @throws IllegalArgumentException when a form body is malformed (bad %-escape, too many fields) */
  BufferedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
    this.parameters = isForm(request) ? parameters(request, body) : null;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("The body was read already; read it synchronously");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), RequestBodyLimitFilter.charsetOf(this)));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getParameter(String name) {
    if (parameters == null) {
      return super.getParameter(name);
    }
    String[] values = parameters.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters == null ? super.getParameterMap() : Collections.unmodifiableMap(parameters);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    if (parameters == null) {
      return super.getParameterValues(name);
    }
    String[] values = parameters.get(name);
    return values == null ? null : values.clone();
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      return false;
    }
  }

  private static Map<String, String[]> parameters(HttpServletRequest request, byte[] body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    parse(request.getQueryString(), StandardCharsets.UTF_8, fields);
    Charset charset = RequestBodyLimitFilter.charsetOf(request);
    parse(new String(body, charset), charset, fields);
    Map<String, String[]> result = new LinkedHashMap<>();
    fields.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
    return result;
  }

  private static void parse(String encoded, Charset charset, Map<String, List<String>> fields) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    int count = fields.values().stream().mapToInt(List::size).sum();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      if (++count > MAX_FIELDS) {
        throw new IllegalArgumentException("More than " + MAX_FIELDS + " form fields");
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
      fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
  }
}
