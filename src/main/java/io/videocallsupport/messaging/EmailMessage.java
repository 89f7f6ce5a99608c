package io.videocallsupport.messaging;

/** An email as the outbox stores it: a plain-text and an HTML part. */
public record EmailMessage(String to, String subject, String text, String html) {
}
