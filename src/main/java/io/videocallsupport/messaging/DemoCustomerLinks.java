package io.videocallsupport.messaging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's way to be the customer. The outbox stores no usable link and the embedded transports
 * send nothing, so in the demo profile the links of each message kept in the outbox are written to
 * the log, the one place the operator trying the product reads: open the logged {@code /join/…}
 * link to join as the customer. Never outside the demo profile, and never for a message that a
 * real transport sent (its links went to the customer only).
 */
@Component
@Profile("demo")
class DemoCustomerLinks implements SentMessageListener {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCustomerLinks.class);
  private static final Pattern LINK = Pattern.compile("https?://\\S+?/(join|survey|privacy|privacy/download)/[A-Za-z0-9_-]{43}");

  @Override
  public void sent(OutboxMessage asSent, Delivery delivery) {
    if (delivery.status() != OutboxStatus.STORED) {
      return;
    }
    Matcher link = LINK.matcher(asSent.bodyText());
    while (link.find()) {
      LOG.info("Demo: the customer's {} link in the {} {} of session {} (kept in the outbox, not sent): {}",
          link.group(1), asSent.purpose(), asSent.channel(), asSent.sessionId(), link.group());
    }
  }
}
