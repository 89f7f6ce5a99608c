package io.videocallsupport.twilio;

import com.twilio.jwt.accesstoken.AccessToken;
import com.twilio.jwt.accesstoken.VideoGrant;
import io.videocallsupport.session.VideoSession;
import java.nio.charset.StandardCharsets;

/**
 * Access tokens for the browsers: a short-lived JWT, signed with the API key's secret, that lets
 * its holder into one room under one identity. Identities say who is who in the room's callbacks:
 * {@code customer:<session id>} for the customer, {@code agent:<user id>} for staff. Twilio lets one
 * identity into a room once: a second tab of the same person replaces the first.
 */
class TwilioVideoTokens {

  static final String CUSTOMER = "customer:";
  static final String STAFF = "agent:";

  private final TwilioProperties twilio;

  TwilioVideoTokens(TwilioProperties twilio) {
    this.twilio = twilio;
  }

  String forCustomer(VideoSession session) {
    return token(CUSTOMER + session.id(), session.meetingId());
  }

  String forStaff(String userId, String roomName) {
    return token(STAFF + userId, roomName);
  }

  static boolean isCustomer(String identity) {
    return identity != null && identity.startsWith(CUSTOMER);
  }

  /** The user id of a staff identity, or the identity itself. */
  static String displayName(String identity) {
    return identity != null && identity.startsWith(STAFF) ? identity.substring(STAFF.length()) : identity;
  }

  private String token(String identity, String roomName) {
    return new AccessToken.Builder(twilio.accountSid(), twilio.apiKey(),
        twilio.apiSecret().getBytes(StandardCharsets.UTF_8))
        .identity(identity)
        .ttl((int) twilio.video().tokenTtl().toSeconds())
        .grant(new VideoGrant().setRoom(roomName))
        .build()
        .toJwt();
  }
}
