package io.videocallsupport.room;

import io.videocallsupport.call.CallAccess;
import io.videocallsupport.room.Participant.Role;
import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.web.TokenLookupLimiter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The signaling WebSocket at {@value #PATH}. Its handshake decides who connects: a host with
 * {@code ?host=<room id>} and the agent's login, or a customer with the join link's cookie. Only
 * pages of the application itself may open it (same origin, Spring's default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRoomPlatform
@EnableWebSocket
@EnableConfigurationProperties(RoomProperties.class)
class RoomWebSocketConfiguration implements WebSocketConfigurer {

  static final String PATH = "/room/signal";
  static final String JOIN_COOKIE = io.videocallsupport.web.CustomerPage.JOIN.cookieName();

  private final RoomSignalingHandler handler;
  private final CallAccess access;
  private final AgentDirectory agents;
  private final TokenLookupLimiter limiter;

  RoomWebSocketConfiguration(RoomSignalingHandler handler, CallAccess access, AgentDirectory agents,
                             TokenLookupLimiter limiter) {
    this.handler = handler;
    this.access = access;
    this.agents = agents;
    this.limiter = limiter;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry.addHandler(handler, PATH).addInterceptors(new Admission());
  }

  /** Lets the host or the customer in, and puts the room and role on the connection. */
  private final class Admission implements HandshakeInterceptor {

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                                   Map<String, Object> attributes) {
      if (!(request instanceof ServletServerHttpRequest servlet)) {
        return false;
      }
      HttpServletRequest http = servlet.getServletRequest();
      String hostOf = http.getParameter("host");
      Optional<VideoSession> session;
      Role role;
      String name;
      if (hostOf != null) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        session = access.hostSession(RoomPlatform.NAME, hostOf, user);
        role = Role.HOST;
        name = session.map(s -> Optional.ofNullable(agents.displayName(user.getName())).orElse(user.getName()))
            .orElse(null);
      } else {
        if (!limiter.tryAcquire(http.getRemoteAddr())) {
          response.setStatusCode(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS);
          return false;
        }
        session = access.customerSession(RoomPlatform.NAME, joinCookie(http));
        role = Role.CUSTOMER;
        name = session.map(VideoSession::customerName).orElse(null);
      }
      if (session.isEmpty() || CallAccess.callOver(session.get())) {
        response.setStatusCode(org.springframework.http.HttpStatus.FORBIDDEN);
        return false;
      }
      attributes.put(RoomSignalingHandler.MEETING_ID, session.get().meetingId());
      attributes.put(RoomSignalingHandler.ROLE, role);
      attributes.put(RoomSignalingHandler.NAME, name);
      return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                               Exception exception) {
      // nothing to do
    }

    private static String joinCookie(HttpServletRequest http) {
      Cookie[] cookies = http.getCookies();
      return cookies == null ? null : Arrays.stream(cookies).filter(c -> JOIN_COOKIE.equals(c.getName()))
          .map(Cookie::getValue).findFirst().orElse(null);
    }
  }
}
