package io.videocallsupport.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videocallsupport.inbox.InvalidInboundEventException;
import io.videocallsupport.support.FakeTwilio;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Twilio Video needs at start-up, and how its callbacks are keyed. */
class TwilioVideoSettingsTest {

  @Test
  void startUpNamesWhatIsMissing() {
    assertThatThrownBy(() -> properties(null, "secret", Duration.ofMinutes(10)).requireForVideo())
        .hasMessage("VIDEO_PLATFORM=twilio needs TWILIO_API_KEY (access tokens are signed with an API key)");
    assertThatThrownBy(() -> properties("SK1", "secret", Duration.ofMinutes(61)).requireForVideo())
        .hasMessageContaining("TWILIO_VIDEO_EMPTY_ROOM_TIMEOUT must be between 1 and 60 minutes");
    assertThatThrownBy(() -> properties("SK1", "secret", Duration.ofSeconds(30)).requireForVideo())
        .hasMessageContaining("TWILIO_VIDEO_EMPTY_ROOM_TIMEOUT");
    properties("SK1", "secret", Duration.ofMinutes(60)).requireForVideo();
  }

  @Test
  void recordingRulesAreEveryoneOrNoOne() {
    assertThat(TwilioRooms.rules(true)).isEqualTo(Map.of("rules", java.util.List.of(Map.of("type", "include", "all", true))));
    assertThat(TwilioRooms.rules(false)).isEqualTo(Map.of("rules", java.util.List.of(Map.of("type", "exclude", "all", true))));
  }

  @Test
  void callbacksAreKeyedByRoomAndSequenceAndKnowTheCustomer() {
    TwilioRoomEvent event = TwilioRoomEvent.of(Map.of("StatusCallbackEvent", "participant-connected",
        "RoomSid", "RM1", "RoomName", "vcs-1", "ParticipantIdentity", "customer:42", "SequenceNumber", "7",
        "Timestamp", "2026-11-25T10:00:00.000Z"));
    assertThat(event.customer()).isTrue();
    assertThat(event.dedupeKey()).isEqualTo("RM1|participant-connected|customer:42|7");
    TwilioRoomEvent staff = TwilioRoomEvent.of(Map.of("StatusCallbackEvent", "participant-connected",
        "RoomSid", "RM1", "RoomName", "vcs-1", "ParticipantIdentity", "agent:anna", "Timestamp", "t1"));
    assertThat(staff.customer()).isFalse();
    assertThat(staff.dedupeKey()).as("without a sequence number, the timestamp").endsWith("|t1");
    assertThat(TwilioVideoTokens.displayName("agent:anna")).isEqualTo("anna");
    assertThatThrownBy(() -> TwilioRoomEvent.checked(Map.of("StatusCallbackEvent", "room-ended")))
        .isInstanceOf(InvalidInboundEventException.class).hasMessage("RoomSid is missing");
  }

  private static TwilioProperties properties(String apiKey, String apiSecret, Duration emptyRoomTimeout) {
    return new TwilioProperties(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, apiKey, apiSecret, null, null, null,
        Duration.ofSeconds(5), Duration.ofSeconds(15), new TwilioProperties.Video(emptyRoomTimeout,
        Duration.ofMinutes(60), Duration.ofHours(4), null, TwilioProperties.Video.DEFAULT_VIDEO_JS));
  }
}
