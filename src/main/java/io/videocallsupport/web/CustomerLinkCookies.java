package io.videocallsupport.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookies that hold a customer link's token once the link has been opened: HttpOnly (no
 * script reads them), SameSite=Lax (sent when the customer follows our own redirect, not on
 * cross-site form posts), Secure like the application's session cookie (off only in the demo and
 * test profiles, for plain http://localhost), and no longer lived than the token.
 */
@Component
public class CustomerLinkCookies {

  private final boolean secure;

  CustomerLinkCookies(@Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
    this.secure = secure;
  }

  public void set(HttpServletResponse response, CustomerPage page, String token, Duration maxAge) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(page, token, maxAge).toString());
  }

  public void clear(HttpServletResponse response, CustomerPage page) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(page, "", Duration.ZERO).toString());
  }

  public Optional<String> read(HttpServletRequest request, CustomerPage page) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> page.cookieName().equals(c.getName()))
        .map(Cookie::getValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  ResponseCookie cookie(CustomerPage page, String value, Duration maxAge) {
    return ResponseCookie.from(page.cookieName(), value)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Lax")
        .path(page.cookiePath())
        .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
        .build();
  }
}
