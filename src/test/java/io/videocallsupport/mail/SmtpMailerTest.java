package io.videocallsupport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.videocallsupport.messaging.Delivery;
import io.videocallsupport.messaging.EmailMessage;
import io.videocallsupport.messaging.OutboxStatus;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP adapter against GreenMail on loopback; no Spring context. */
class SmtpMailerTest {

  private static final String FROM = "Video Support <support@example.com>";

  private GreenMail smtp;
  private JavaMailSenderImpl sender;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    sender = sender(smtp.getSmtp().getPort());
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void sendsTextAndHtmlAsAlternativesWithTheAttachmentAndRecordsTheMessageId() throws Exception {
    EmailMessage email = new EmailMessage("jo@example.com", "Invitation to a live support call (ticket T-1)",
        "Join: https://support.example.com/j/abc", "<p>Join: <a href=\"https://support.example.com/j/abc\">here</a></p>")
        .withAttachment(new EmailMessage.Attachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"));

    Delivery delivery = new SmtpMailer(sender, FROM).send(email);

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(delivery.provider()).isEqualTo("smtp");
    assertThat(delivery.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(delivery.providerMessageId()).isNotBlank().isEqualTo(received.getMessageID());
    assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("support@example.com");
    assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Video Support");
    assertThat(received.getSubject()).isEqualTo("Invitation to a live support call (ticket T-1)");

    Multipart mixed = (Multipart) received.getContent();
    assertThat(mixed.getContentType()).startsWith("multipart/mixed");
    Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    BodyPart attachment = mixed.getBodyPart(1);
    assertThat(attachment.getFileName()).isEqualTo("invite.ics");
    assertThat(attachment.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
    assertThat(GreenMailUtil.getBody(attachment)).contains("BEGIN:VCALENDAR");
  }

  @Test
  void aServerThatIsDownFailsFastAndIsRetried() {
    int port = smtp.getSmtp().getPort();
    smtp.stop();
    long started = System.nanoTime();

    assertThatThrownBy(() -> new SmtpMailer(sender(port), FROM)
        .send(new EmailMessage("jo@example.com", "Subject", "Text", "<p>Text</p>")))
        .isInstanceOf(SmtpMailer.MailTransportException.class)
        .hasMessageContaining("the job retries");
    assertThat((System.nanoTime() - started) / 1_000_000).as("ms until failing").isLessThan(5_000);
  }

  @Test
  void aRecipientRefusedWith5xxIsPermanentA4xxIsNot() throws Exception {
    assertThat(SmtpMailer.recipientRefused(refused(550))).hasValueSatisfying(e ->
        assertThat(e.getReturnCode()).isEqualTo(550));
    assertThat(SmtpMailer.recipientRefused(refused(450))).as("greylisting: try later").isEmpty();
    assertThat(SmtpMailer.recipientRefused(new MailSendException("Mail server connection failed"))).isEmpty();
  }

  private static MailSendException refused(int code) throws Exception {
    InternetAddress address = new InternetAddress("nobody@example.com");
    SMTPAddressFailedException rcpt = new SMTPAddressFailedException(address, "RCPT TO:<nobody@example.com>", code,
        code + " 5.1.1 <nobody@example.com>: Recipient address rejected");
    SendFailedException failed = new SendFailedException("Invalid Addresses", rcpt,
        new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {address});
    return new MailSendException(Map.of(new Object(), failed));
  }

  private static JavaMailSenderImpl sender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "2000");
    properties.put("mail.smtp.timeout", "2000");
    properties.put("mail.smtp.writetimeout", "2000");
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
