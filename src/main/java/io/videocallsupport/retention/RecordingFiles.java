package io.videocallsupport.retention;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Recording files the application holds itself, under {@code vcs.recording.storage-dir}, referenced
 * as {@code local:<file name>}. The built-in room stores its uploads here; the download page reads
 * them; {@link Recordings} deletes them.
 */
@Component
public class RecordingFiles {

  private final Path storageDir;

  RecordingFiles(@Value("${vcs.recording.storage-dir:./data/recordings}") Path storageDir) {
    this.storageDir = storageDir;
  }

  /**
   * Stores a recording, reading at most {@code maxBytes}; a larger one is refused and nothing is kept.
   *
   * @return the storage reference, {@code local:<file name>}
   */
  public String store(String baseName, String extension, InputStream content, long maxBytes) {
    String name = safe(baseName) + "-" + UUID.randomUUID() + "." + safe(extension);
    Path target = storageDir.resolve(name).normalize();
    Path partial = storageDir.resolve(name + ".part").normalize();
    try {
      Files.createDirectories(storageDir);
      long copied;
      try (InputStream in = content) {
        copied = Files.copy(new LimitedInputStream(in, maxBytes), partial, StandardCopyOption.REPLACE_EXISTING);
      }
      if (copied == 0) {
        throw new IllegalArgumentException("The recording is empty");
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return LocalRecordingStore.SCHEME + name;
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException("Could not store the recording", e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
  }

  /** The file of a local recording, when it is one and exists. */
  public Optional<Path> file(String storageRef) {
    if (storageRef == null || !storageRef.startsWith(LocalRecordingStore.SCHEME)) {
      return Optional.empty();
    }
    Path file = storageDir.resolve(storageRef.substring(LocalRecordingStore.SCHEME.length())).normalize();
    if (!file.startsWith(storageDir.normalize()) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  private static String safe(String part) {
    String cleaned = part == null ? "" : part.replaceAll("[^A-Za-z0-9_-]", "");
    return cleaned.isEmpty() ? "recording" : cleaned.substring(0, Math.min(60, cleaned.length()));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover partial file holds nothing that is referenced anywhere
    }
  }

  /** Fails the copy as soon as more than the allowed bytes arrive. */
  private static final class LimitedInputStream extends java.io.FilterInputStream {
    private long remaining;

    LimitedInputStream(InputStream in, long maxBytes) {
      super(in);
      this.remaining = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      remaining -= n;
      if (remaining < 0) {
        throw new RecordingTooLargeException();
      }
    }
  }

  /** The recording exceeds the configured size limit. */
  public static class RecordingTooLargeException extends RuntimeException {
    RecordingTooLargeException() {
      super("The recording is larger than the configured limit");
    }
  }
}
