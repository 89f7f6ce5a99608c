package io.videocallsupport.messaging;

import java.util.ArrayList;
import java.util.List;

/** An email as the outbox stores it: a plain-text and an HTML part, and text attachments such as a calendar invitation. */
public record EmailMessage(String to, String subject, String text, String html, List<Attachment> attachments) {

  public EmailMessage {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public EmailMessage(String to, String subject, String text, String html) {
    this(to, subject, text, html, List.of());
  }

  public EmailMessage withAttachment(Attachment attachment) {
    List<Attachment> all = new ArrayList<>(attachments);
    all.add(attachment);
    return new EmailMessage(to, subject, text, html, all);
  }

  /**
   * A text attachment. {@code contentType} is the full MIME type with its parameters, e.g.
   * {@code text/calendar; charset=UTF-8; method=REQUEST}.
   */
  public record Attachment(String filename, String contentType, String content) {
  }
}
