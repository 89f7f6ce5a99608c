package io.videocallsupport.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.system.Timestamps;
import io.videocallsupport.token.AccessTokens;
import io.videocallsupport.token.TokenPurpose;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** A retried step sends what the outbox stored the first time, once, however it composes the message again. */
@H2SpringTest
class OutboxRetryTest {

  @Autowired OutboxRepository repository;
  @Autowired SmsSender smsSender;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;
  @Autowired LinkTokens links;
  @Autowired AccessTokens tokens;
  @Autowired ObjectProvider<SentMessageListener> listeners;

  @Test
  void aRetrySendsTheStoredMessageOnceAndNeverTwice() {
    List<EmailMessage> handedOver = new ArrayList<>();
    boolean[] down = {true};
    Mailer flakyMailer = email -> {
      if (down[0]) {
        down[0] = false;
        throw new IllegalStateException("SMTP server not reachable");
      }
      handedOver.add(email);
      return new Delivery("smtp", "<id-1@example.com>", OutboxStatus.SENT);
    };
    Outbox outbox = outbox(flakyMailer);
    String key = "test:" + UUID.randomUUID() + ":invitation:1:email";

    assertThatThrownBy(() -> outbox.send(key, null, MessagePurpose.INVITATION,
        new EmailMessage("jo@example.com", "Your video call", "Join: https://app/join/first-link", "<p>first</p>")))
        .hasMessageContaining("not reachable");
    OutboxMessage sent = outbox.send(key, null, MessagePurpose.INVITATION,
        new EmailMessage("jo@example.com", "Your video call", "Join: https://app/join/second-link", "<p>second</p>"));
    OutboxMessage again = outbox.send(key, null, MessagePurpose.INVITATION,
        new EmailMessage("jo@example.com", "Your video call", "Join: https://app/join/third-link", "<p>third</p>"));

    assertThat(handedOver).singleElement().satisfies(email -> assertThat(email.text()).contains("first-link"));
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.bodyText()).contains("first-link");
    assertThat(again.id()).isEqualTo(sent.id());
  }

  @Test
  void linksAreStoredWithoutTokensAndEachDeliveryMintsItsOwn() {
    List<EmailMessage> handedOver = new ArrayList<>();
    boolean[] down = {true};
    Mailer uncertainMailer = email -> {
      handedOver.add(email);
      if (down[0]) {
        down[0] = false;
        throw new IllegalStateException("Read timed out: the server may have taken it");
      }
      return new Delivery("smtp", "<id-2@example.com>", OutboxStatus.SENT);
    };
    Outbox outbox = outbox(uncertainMailer);
    String key = "test:" + UUID.randomUUID() + ":invitation:1:email";
    String link = "https://app/join/" + LinkTokens.placeholder(TokenPurpose.JOIN,
        Timestamps.now(clock).plusHours(2));
    EmailMessage email = new EmailMessage("jo@example.com", "Your video call", "Join: " + link,
        "<a href=\"" + link + "\">Join</a>");

    assertThatThrownBy(() -> outbox.send(key, null, MessagePurpose.INVITATION, email));
    OutboxMessage stored = outbox.send(key, null, MessagePurpose.INVITATION, email);

    assertThat(handedOver).hasSize(2);
    List<String> sentTokens = handedOver.stream().map(sent -> joinToken(sent.text())).toList();
    assertThat(sentTokens).as("a retry after an uncertain send mints another token").doesNotHaveDuplicates();
    assertThat(handedOver).allSatisfy(sent -> assertThat(sent.html()).contains(joinToken(sent.text())));
    assertThat(sentTokens).as("both links work: the first may have reached the customer")
        .allSatisfy(token -> assertThat(tokens.check(token, TokenPurpose.JOIN).usable()).isTrue());
    assertThat(stored.bodyText() + stored.bodyHtml()).as("the outbox holds no token")
        .doesNotContain(sentTokens.get(0)).doesNotContain(sentTokens.get(1));
    assertThat(tokens.check(joinToken(stored.bodyText()), TokenPurpose.JOIN).usable())
        .as("what is stored opens nothing").isFalse();
    assertThat(LinkTokens.redact(stored.bodyText())).isEqualTo("Join: https://app/join/" + LinkTokens.REDACTED);
  }

  @Test
  void aFoldedCalendarLineGetsItsTokenWithTheFoldsInPlace() {
    List<EmailMessage> handedOver = new ArrayList<>();
    Outbox outbox = outbox(email -> {
      handedOver.add(email);
      return new Delivery("smtp", "<id-3@example.com>", OutboxStatus.SENT);
    });
    String placeholder = LinkTokens.placeholder(TokenPurpose.JOIN, Timestamps.now(clock).plusHours(2));
    // iCalendar folds lines at 75 octets with CRLF and a space, wherever that falls
    String line = "DESCRIPTION:Join the call: https://support.example.com/join/" + placeholder;
    String folded = line.substring(0, 75) + "\r\n " + line.substring(75);
    EmailMessage email = new EmailMessage("jo@example.com", "Your video call", "Join: https://app/join/"
        + placeholder, null).withAttachment(new EmailMessage.Attachment("invite.ics", "text/calendar", folded));

    outbox.send("test:" + UUID.randomUUID() + ":invitation:1:email", null, MessagePurpose.INVITATION, email);

    EmailMessage sent = handedOver.get(0);
    String token = joinToken(sent.text());
    String calendar = sent.attachments().get(0).content();
    assertThat(calendar.indexOf("\r\n ")).isEqualTo(75);
    assertThat(calendar.replace("\r\n ", "")).endsWith("/join/" + token);
  }

  private Outbox outbox(Mailer mailer) {
    return new Outbox(repository, mailer, smsSender, transactions, clock,
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), links, listeners);
  }

  private static String joinToken(String text) {
    Matcher matcher = Pattern.compile("/join/([A-Za-z0-9_-]{43})").matcher(text);
    assertThat(matcher.find()).as("a join link in %s", text).isTrue();
    return matcher.group(1);
  }
}
