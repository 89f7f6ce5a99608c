package io.videocallsupport.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code limit} with 413, before anyone reads it whole: at once
 * when its Content-Length says so, otherwise (a chunked body) as soon as the count passes the limit.
 *
 * <p>{@code buffered}: the body, at most {@code limit} bytes, is read here and handed on from memory,
 * form fields included (Tomcat would parse a form body itself, past any wrapper, without this limit).
 * For small bodies: webhooks and the JSON API. Otherwise the body streams on, counted; a reader that
 * goes past the limit gets a {@link BodyTooLargeException}.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

  private final long limit;
  private final boolean buffered;

  RequestBodyLimitFilter(long limit, boolean buffered) {
    this.limit = limit;
    this.buffered = buffered;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(request, response);
      return;
    }
    if (!buffered) {
      chain.doFilter(declared < 0 ? new CountedBodyRequest(request, limit) : request, response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), limit);
    if (body == null) {
      tooLarge(request, response);
      return;
    }
    BufferedBodyRequest buffer;
    try {
      buffer = new BufferedBodyRequest(request, body);
    } catch (IllegalArgumentException e) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "{\"error\":\"the form body is malformed\"}");
      return;
    }
    chain.doFilter(buffer, response);
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    LOG.warn("Refused a request body over {} bytes on {}", limit, request.getRequestURI());
    refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "{\"error\":\"request body too large\",\"maxBytes\":" + limit + "}");
  }

  private static void refuse(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // The rest of the body is not wanted: the client must not send it on this connection.
    response.setHeader("Connection", "close");
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    // Sent now: Tomcat would otherwise first swallow (read and drop) up to 2 MB of the unread body.
    response.flushBuffer();
  }

  /** The whole stream, or null when it holds more than {@code limit} bytes. */
  static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) != -1) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  static Charset charsetOf(HttpServletRequest request) {
    String encoding = request.getCharacterEncoding();
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  /** A chunked body, counted as it is read. */
  private static final class CountedBodyRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream counted;

    CountedBodyRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new CountingInputStream(super.getInputStream(), limit);
      }
      return counted;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      return new BufferedReader(new InputStreamReader(getInputStream(), charsetOf(this)));
    }
  }

  private static final class CountingInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long count;

    CountingInputStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b != -1) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws BodyTooLargeException {
      count += n;
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
