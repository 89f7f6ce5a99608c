package io.videocallsupport.call;

import io.videocallsupport.security.CamundaIdentityAuthenticationProvider;
import io.videocallsupport.security.Roles;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.token.AccessTokens;
import io.videocallsupport.token.TokenCheck;
import io.videocallsupport.token.TokenPurpose;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may enter a call that the application serves itself (the built-in room, the Twilio Video
 * page). The customer: with a usable join link (its cookie) of a session whose meeting is on that
 * platform. A host: a logged-in agent who owns the session (or any agent when it has no agent yet),
 * a team lead or an admin.
 */
@Component
public class CallAccess {

  private final SessionRepository sessions;
  private final AccessTokens tokens;

  CallAccess(SessionRepository sessions, AccessTokens tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  public Optional<VideoSession> customerSession(String platform, String joinToken) {
    if (joinToken == null) {
      return Optional.empty();
    }
    TokenCheck check = tokens.check(joinToken, TokenPurpose.JOIN);
    if (!check.usable() || check.token().sessionId() == null) {
      return Optional.empty();
    }
    return sessions.findById(check.token().sessionId())
        .filter(s -> platform.equals(s.platform()) && s.meetingId() != null);
  }

  public Optional<VideoSession> hostSession(String platform, String meetingId, Authentication user) {
    if (meetingId == null || user == null || !user.isAuthenticated()) {
      return Optional.empty();
    }
    return sessions.findByMeeting(platform, meetingId).filter(s -> mayHost(s, user));
  }

  public static boolean mayHost(VideoSession session, Authentication user) {
    List<String> groups = CamundaIdentityAuthenticationProvider.groupsOf(user);
    if (groups.contains(Roles.TEAM_LEADS) || groups.contains(Roles.ADMINS)) {
      return true;
    }
    return groups.contains(Roles.AGENTS) && (session.agentId() == null || session.agentId().equals(user.getName()));
  }

  public static boolean callOver(VideoSession session) {
    return session.callEndedAt() != null || session.state() == SessionState.CALL_ENDED
        || session.state() == SessionState.COMPLETED;
  }
}
