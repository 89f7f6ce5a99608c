package io.videocallsupport.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.inbox.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Freshdesk's automation webhook: the shared secret, the body the docs tell admins to paste, bad bodies. */
class FreshdeskWebhookControllerTest {

  static final String BODY = """
      {"ticket_id": "20", "subject": "Camera setup", "requester_name": "Sam Buyer",
       "requester_email": "sam@example.com", "requester_phone": "", "organization": "Globex",
       "tags": "camera,video-declined", "customer_asked_for_video": false}""";

  Inbox inbox = mock(Inbox.class);
  FreshdeskWebhookController controller = new FreshdeskWebhookController(
      new FreshdeskProperties("https://acme.freshdesk.com", "key", "shared-secret", 0, null, null, null), inbox,
      new ObjectMapper(), Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void theSecretAdmitsTheEventIntoTheInbox() {
    when(inbox.accept(anyString(), anyString(), anyString(), anyString())).thenReturn(true);

    assertThat(controller.receive("shared-secret", BODY).getStatusCode().value()).isEqualTo(202);

    ArgumentCaptor<String> stored = ArgumentCaptor.forClass(String.class);
    verify(inbox).accept(eq("freshdesk"), startsWith("start:20:"), eq("start-video-call"), stored.capture());
    assertThat(stored.getValue()).contains("\"ticket_id\":\"20\"");
  }

  @Test
  void theSimpleWebhookContentIsUnwrapped() {
    assertThat(controller.receive("shared-secret", "{\"freshdesk_webhook\": {\"ticket_id\": \"21\"}}")
        .getStatusCode().value()).isEqualTo(202);
    verify(inbox).accept(eq("freshdesk"), startsWith("start:21:"), any(), any());
  }

  @Test
  void aWrongSecretOrABadBodyStoresNothing() {
    assertThat(controller.receive("wrong", BODY).getStatusCode().value()).isEqualTo(401);
    assertThat(controller.receive(null, BODY).getStatusCode().value()).isEqualTo(401);
    assertThat(controller.receive("shared-secret", "not json").getStatusCode().value()).isEqualTo(400);
    assertThat(controller.receive("shared-secret", "{\"subject\": \"no id\"}").getStatusCode().value())
        .isEqualTo(400);
    assertThat(controller.receive("shared-secret", "{\"ticket_id\": \"1; DROP\"}").getStatusCode().value())
        .isEqualTo(400);
    assertThat(controller.receive("shared-secret", null).getStatusCode().value()).isEqualTo(400);
    verify(inbox, never()).accept(any(), any(), any(), any());
  }
}
