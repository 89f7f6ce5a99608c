package io.videocallsupport.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 on a plain socket, for what an HTTP client library does not let a test do: announce a
 * body it does not send, send a body in chunks of its choosing, or connect from another loopback
 * address (127.0.0.2) than 127.0.0.1. One request per connection.
 */
public final class RawHttp {

  /** The status and body of an answer. */
  public record Answer(int status, String body) {
  }

  private final InetAddress from;
  private final int port;

  private RawHttp(InetAddress from, int port) {
    this.from = from;
    this.port = port;
  }

  public static RawHttp to(int port) {
    return from("127.0.0.1", port);
  }

  /** Connects from the given local address (any 127.x.y.z is the loopback interface on Linux). */
  public static RawHttp from(String localAddress, int port) {
    try {
      return new RawHttp(InetAddress.getByName(localAddress), port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Answer get(String path, Map<String, String> headers) throws IOException {
    return exchange(head("GET", path, headers), new byte[0]);
  }

  /** Announces {@code contentLength} bytes of body but sends none: the server must answer from the headers. */
  public Answer announce(String path, Map<String, String> headers, long contentLength) throws IOException {
    return exchange(head("POST", path, headers) + "Content-Length: " + contentLength + "\r\n", new byte[0]);
  }

  /** Sends the body with Transfer-Encoding: chunked (no length announced), in chunks of at most 8 KB. */
  public Answer chunked(String path, Map<String, String> headers, byte[] body) throws IOException {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    for (int offset = 0; offset < body.length; offset += 8192) {
      int length = Math.min(8192, body.length - offset);
      chunks.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunks.write(body, offset, length);
      chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunks.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return exchange(head("POST", path, headers) + "Transfer-Encoding: chunked\r\n", chunks.toByteArray());
  }

  private static String head(String method, String path, Map<String, String> headers) {
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.toString();
  }

  private Answer exchange(String head, byte[] body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write(body);
        out.flush();
      } catch (IOException answeredEarly) {
        // The server may answer and close before it has read the whole body: its answer counts.
      }
      return read(socket.getInputStream());
    }
  }

  /** Reads one answer: its head, then its body by Content-Length, in chunks, or up to the end of the stream. */
  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
           size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else if (length >= 0) {
      body.write(in.readNBytes((int) length));
    } else {
      body.write(readAll(in));
    }
    return new Answer(status, body.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      all.write(buffer, 0, n);
    }
    return all.toByteArray();
  }
}
