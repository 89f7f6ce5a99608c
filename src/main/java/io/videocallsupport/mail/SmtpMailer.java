package io.videocallsupport.mail;

import io.videocallsupport.messaging.Delivery;
import io.videocallsupport.messaging.EmailMessage;
import io.videocallsupport.messaging.FailureReason;
import io.videocallsupport.messaging.Mailer;
import io.videocallsupport.messaging.OutboxStatus;
import io.videocallsupport.messaging.PermanentDeliveryFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends email through the SMTP server configured with {@code SPRING_MAIL_*}: a multipart/alternative
 * text and HTML body, and attachments such as the calendar invitation. The Message-ID is recorded
 * as the provider id, to find the mail in the server's logs.
 *
 * <p>A server that refuses the recipient for good (a 5xx answer to RCPT TO) is a permanent failure:
 * the message is marked FAILED and the invitation asks the agent to fix the address. Anything
 * else (connection refused, timeouts, 4xx, authentication) throws, and the job retries with
 * backoff, then raises a Cockpit incident.
 *
 * <p>SMTP cannot promise "never twice": when the connection drops after the server took the
 * message but before it confirmed, the retry sends it again. That window is small, and a
 * duplicate email is a nuisance rather than a harm, so it is accepted.
 */
public class SmtpMailer implements Mailer {

  static final String PROVIDER = "smtp";
  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

  private final JavaMailSender sender;
  private final String from;

  public SmtpMailer(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public Delivery send(EmailMessage email) {
    MimeMessage mime = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED,
          StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(email.to());
      helper.setSubject(email.subject());
      if (email.html() == null) {
        helper.setText(email.text(), false);
      } else {
        helper.setText(email.text(), email.html());
      }
      for (EmailMessage.Attachment attachment : email.attachments()) {
        helper.addAttachment(attachment.filename(),
            new ByteArrayDataSource(attachment.content().getBytes(StandardCharsets.UTF_8), attachment.contentType()));
      }
    } catch (MessagingException e) {
      // the message could not even be put together (e.g. an address the library rejects)
      throw new PermanentDeliveryFailure(PROVIDER, FailureReason.INVALID_ADDRESS,
          "The email could not be built: " + e.getMessage());
    }
    try {
      sender.send(mime);
    } catch (MailException e) {
      Optional<SMTPAddressFailedException> refused = recipientRefused(e);
      if (refused.isPresent()) {
        throw new PermanentDeliveryFailure(PROVIDER, FailureReason.INVALID_ADDRESS,
            "The mail server refused " + refused.get().getAddress() + ": " + refused.get().getReturnCode() + " "
                + refused.get().getMessage().strip());
      }
      throw new MailTransportException("The mail server did not take the email (" + e.getMessage()
          + "); the job retries", e);
    }
    String messageId = messageId(mime);
    LOG.info("Mail server took email {}", messageId);
    return new Delivery(PROVIDER, messageId, OutboxStatus.SENT);
  }

  /** A 5xx answer to RCPT TO: the address does not exist there, and asking again will not change that. */
  static Optional<SMTPAddressFailedException> recipientRefused(MailException e) {
    if (!(e instanceof MailSendException send)) {
      return Optional.empty();
    }
    for (Exception failure : send.getFailedMessages().values()) {
      if (failure instanceof SendFailedException sendFailed) {
        for (Exception next = sendFailed.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
          if (next instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
            return Optional.of(address);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String messageId(MimeMessage mime) {
    try {
      return mime.getMessageID();
    } catch (MessagingException e) {
      return null;
    }
  }

  /** An SMTP failure worth retrying. */
  public static class MailTransportException extends RuntimeException {
    MailTransportException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
