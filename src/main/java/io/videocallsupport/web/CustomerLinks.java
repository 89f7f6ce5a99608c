package io.videocallsupport.web;

import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.system.Timestamps;
import io.videocallsupport.token.AccessToken;
import io.videocallsupport.token.AccessTokens;
import io.videocallsupport.token.TokenCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Opens customer links. The first visit swaps the link's token for a cookie and redirects to the
 * token-free page, so that the token leaves the address bar, the history and any Referer; later
 * visits read the cookie. A link that is unknown (404), expired or used (410), or looked up too
 * often from one address (429), gets a page that says so in plain words. Tokens are never logged.
 */
@Component
public class CustomerLinks {

  /** The page that explains why a link does not work; its model holds {@code reason}. */
  public static final String INVALID_VIEW = "web/link-invalid";
  /** The customer's page once the call is over: a thank-you, no way back in. */
  public static final String CALL_ENDED_VIEW = "web/call-ended";

  /** A customer's visit through a usable link: the token (for the services that need it) and its session. */
  public record Visit(String token, AccessToken access, VideoSession session) {
  }

  private final AccessTokens tokens;
  private final SessionRepository sessions;
  private final CustomerLinkCookies cookies;
  private final TokenLookupLimiter limiter;
  private final Clock clock;

  CustomerLinks(AccessTokens tokens, SessionRepository sessions, CustomerLinkCookies cookies,
                TokenLookupLimiter limiter, Clock clock) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.cookies = cookies;
    this.limiter = limiter;
    this.clock = clock;
  }

  /**
   * The first visit: returns the view to show, a redirect to the token-free page when the token
   * is usable (its cookie set), or the explanation page.
   */
  public String open(HttpServletRequest request, HttpServletResponse response, CustomerPage page, String token,
                     Model model) {
    if (!limiter.tryAcquire(request.getRemoteAddr())) {
      return invalid(response, model, "rate-limited", HttpStatus.TOO_MANY_REQUESTS);
    }
    TokenCheck check = tokens.check(token, page.purpose());
    if (!check.usable()) {
      return explain(request, response, model, page, check);
    }
    Duration left = Duration.between(Timestamps.now(clock), check.token().expiresAt());
    cookies.set(response, page, token, left);
    return "redirect:" + page.path();
  }

  /** A visit to the token-free page: the visit, or empty with the explanation prepared in the model. */
  public Optional<Visit> current(HttpServletRequest request, HttpServletResponse response, CustomerPage page,
                                 Model model) {
    Optional<String> token = cookies.read(request, page);
    if (token.isEmpty()) {
      invalid(response, model, "unknown", HttpStatus.NOT_FOUND);
      return Optional.empty();
    }
    if (!limiter.tryAcquire(request.getRemoteAddr())) {
      invalid(response, model, "rate-limited", HttpStatus.TOO_MANY_REQUESTS);
      return Optional.empty();
    }
    TokenCheck check = tokens.check(token.get(), page.purpose());
    if (!check.usable()) {
      explain(request, response, model, page, check);
      return Optional.empty();
    }
    Optional<VideoSession> session = Optional.ofNullable(check.token().sessionId()).flatMap(sessions::findById);
    session.ifPresent(s -> CustomerLocaleResolver.useCustomerLocale(request, s.customerLocale()));
    return Optional.of(new Visit(token.get(), check.token(), session.orElse(null)));
  }

  /** The status a token has now, without the rate limit (for a page shown right after a visit, e.g. "thank you"). */
  public TokenCheck status(HttpServletRequest request, CustomerPage page) {
    TokenCheck check = cookies.read(request, page).map(t -> tokens.check(t, page.purpose()))
        .orElseGet(() -> tokens.check(null, page.purpose()));
    if (check.token() != null && check.token().sessionId() != null) {
      sessions.findById(check.token().sessionId())
          .ifPresent(s -> CustomerLocaleResolver.useCustomerLocale(request, s.customerLocale()));
    }
    return check;
  }

  public String invalid(HttpServletResponse response, Model model, String reason, HttpStatus status) {
    response.setStatus(status.value());
    model.addAttribute("reason", reason);
    return INVALID_VIEW;
  }

  /** The call of a usable join link is over: the end page, with {@code status} (410 where the call page itself was asked for). */
  public String callEnded(HttpServletResponse response, HttpStatus status) {
    response.setStatus(status.value());
    return CALL_ENDED_VIEW;
  }

  private String explain(HttpServletRequest request, HttpServletResponse response, Model model, CustomerPage page,
                         TokenCheck check) {
    if (check.token() != null && check.token().sessionId() != null) {
      sessions.findById(check.token().sessionId())
          .ifPresent(s -> CustomerLocaleResolver.useCustomerLocale(request, s.customerLocale()));
    }
    model.addAttribute("page", page.name().toLowerCase());
    return switch (check.status()) {
      case USED -> invalid(response, model, page == CustomerPage.SURVEY ? "survey-answered" : "used", HttpStatus.GONE);
      case EXPIRED -> invalid(response, model, "expired", HttpStatus.GONE);
      default -> invalid(response, model, "unknown", HttpStatus.NOT_FOUND);
    };
  }
}
