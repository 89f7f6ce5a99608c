package io.videocallsupport.security;

import static io.videocallsupport.security.CamundaIdentityAuthenticationProvider.GROUP_PREFIX;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for staff: Tasklist, Cockpit and Admin on one side, the application's own staff pages
 * (host room, Twilio call page, session search, analytics) on the other. The login the Camunda
 * webapps keep in the HTTP session is the one that counts:
 * <ul>
 *   <li>logging in to Tasklist logs in to the staff pages: {@link #sessionFilter()} turns the webapps'
 *       login into the request's Spring Security authentication (same user, same groups);</li>
 *   <li>logging in on the staff login form logs in to the webapps: {@link #successHandler()} stores
 *       the webapps' login in the session, as their own login form does;</li>
 *   <li>logging out of either logs out of both: without the webapps' login the staff pages see no
 *       user, and the staff pages' logout ends the whole HTTP session.</li>
 * </ul>
 * It uses the webapps' session helpers ({@code AuthenticationUtil}), which the webapps' own
 * login resource uses, so a user's groups and permitted apps are computed exactly as there.
 */
@Component
public class WebappSingleLogin {

  private final ProcessEngine engine;

  WebappSingleLogin(ProcessEngine engine) {
    this.engine = engine;
  }

  /** After a successful staff form login: the same user is logged in to the webapps too. */
  public AuthenticationSuccessHandler successHandler() {
    SavedRequestAwareAuthenticationSuccessHandler continueWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
    return (request, response, authentication) -> {
      HttpSession session = request.getSession();
      UserAuthentication webappLogin = AuthenticationUtil.createAuthentication(engine, authentication.getName());
      Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
      logins.addOrReplace(webappLogin);
      AuthenticationUtil.updateSession(session, logins);
      continueWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
    };
  }

  /** For every staff page request: the user is whoever is logged in to the webapps, or nobody. */
  public OncePerRequestFilter sessionFilter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        UserAuthentication webappLogin = session == null ? null : webappLogin(session);
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (webappLogin != null && (current == null || !webappLogin.getIdentityId().equals(current.getName()))) {
          SecurityContextHolder.getContext().setAuthentication(asSpringAuthentication(webappLogin));
        } else if (webappLogin == null && current != null && current.isAuthenticated()) {
          // Logged out in Tasklist (or the webapps' login expired): the staff pages log out as well.
          SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
      }
    };
  }

  private UserAuthentication webappLogin(HttpSession session) {
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    return logins.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user ? user : null;
  }

  private static Authentication asSpringAuthentication(UserAuthentication webappLogin) {
    List<String> groups = webappLogin.getGroupIds() == null ? List.of() : webappLogin.getGroupIds();
    return UsernamePasswordAuthenticationToken.authenticated(webappLogin.getIdentityId(), null,
        groups.stream().map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id)).toList());
  }
}
