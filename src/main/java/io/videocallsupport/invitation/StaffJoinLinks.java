package io.videocallsupport.invitation;

import io.videocallsupport.audit.AuditLog;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.token.AccessTokens;
import io.videocallsupport.token.TokenPurpose;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's join link for the agent to copy or read out (the customer lost the email, or is
 * on the phone). No join link is stored anywhere, so this mints a fresh one on request, valid as
 * long as the invitation's, and writes who asked for it to the audit log. The caller decides who
 * may ask (the session's agent, team leads, admins).
 */
@Service
public class StaffJoinLinks {

  private final Invitations invitations;
  private final AccessTokens tokens;
  private final AuditLog audit;
  private final String publicUrl;

  StaffJoinLinks(Invitations invitations, AccessTokens tokens, AuditLog audit,
                 @Value("${vcs.public-url}") String publicUrl) {
    this.invitations = invitations;
    this.tokens = tokens;
    this.audit = audit;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Transactional
  public String mint(VideoSession session, String requestedBy) {
    String token = tokens.issue(TokenPurpose.JOIN, session.id(), session.ticketId(),
        invitations.joinLinkValidity(session));
    audit.record(requestedBy, "JOIN_LINK_SHOWN", "video_session", session.id().toString(),
        "A fresh join link was shown to staff for ticket " + session.ticketId());
    return publicUrl + "/join/" + token;
  }
}
