package io.videocallsupport.security;

import static io.videocallsupport.security.CamundaIdentityAuthenticationProvider.GROUP_PREFIX;

import io.videocallsupport.twilio.TwilioProperties;
import java.net.URI;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The application's API ({@code /api}) takes HTTP Basic against Camunda's
 * users; the engine REST API ({@code /engine-rest}) is guarded by Camunda's own authentication
 * filter, so that its authorization checks apply; the Camunda webapps keep their own login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final String AGENTS = GROUP_PREFIX + Roles.AGENTS;
  private static final String TEAM_LEADS = GROUP_PREFIX + Roles.TEAM_LEADS;
  private static final String MANAGERS = GROUP_PREFIX + Roles.MANAGERS;
  private static final String ADMINS = GROUP_PREFIX + Roles.ADMINS;

  @Bean
  @Order(1)
  SecurityFilterChain applicationApi(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
    return http
        .securityMatcher(path("/api/**"))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/sessions").hasAnyAuthority(AGENTS, TEAM_LEADS, ADMINS)
            .requestMatchers(HttpMethod.POST, "/api/sessions/*/messages/*/resend")
            .hasAnyAuthority(AGENTS, TEAM_LEADS, ADMINS)
            .requestMatchers("/api/recordings/**").hasAnyAuthority(TEAM_LEADS, ADMINS)
            .requestMatchers("/api/inbox/**", "/api/inbox").hasAnyAuthority(TEAM_LEADS, MANAGERS, ADMINS)
            .requestMatchers("/api/analytics", "/api/analytics.csv").hasAnyAuthority(TEAM_LEADS, MANAGERS, ADMINS)
            .anyRequest().hasAnyAuthority(AGENTS, TEAM_LEADS, MANAGERS, ADMINS))
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // A stateless API authenticated on every request carries no session cookie to forge.
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** The engine REST API and the Camunda webapps authenticate with Camunda's own filters. */
  @Bean
  @Order(2)
  SecurityFilterChain camunda(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/camunda/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // Camunda's webapps bring their own CSRF protection; the REST API is stateless.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  /**
   * Webhooks and status callbacks from Zoom and Twilio: no login and no CSRF token, because each
   * endpoint verifies the vendor's signature over the request itself.
   */
  @Bean
  @Order(3)
  SecurityFilterChain vendorWebhooks(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(path("/webhooks/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * The Twilio Video call page: like the built-in room's pages, and its script and media come from
   * Twilio (twilio-video.js from the configured address, signaling and media on Twilio's hosts).
   */
  @Bean
  @Order(4)
  SecurityFilterChain twilioCallPages(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
                                      TwilioProperties twilio, WebappSingleLogin singleLogin) throws Exception {
    String scriptOrigin = origin(twilio.video().jsUrl());
    return http
        .securityMatcher(new OrRequestMatcher(path("/video/**"), path("/video")))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/video/host/**").hasAnyAuthority(AGENTS, TEAM_LEADS, ADMINS)
            .anyRequest().permitAll())
        .formLogin(form -> form.loginPage(AgentLoginPage.PATH).successHandler(singleLogin.successHandler()).permitAll())
        .addFilterAfter(singleLogin.sessionFilter(), SecurityContextHolderFilter.class)
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self' " + scriptOrigin
                + "; img-src 'self' data: blob:; media-src 'self' blob:; "
                + "connect-src 'self' https://*.twilio.com wss://*.twilio.com; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'"))
            .permissionsPolicyHeader(permissions -> permissions.policy(
                "camera=(self), microphone=(self), display-capture=(self), geolocation=()")))
        .build();
  }

  /**
   * The customer pages (no login: the link's token, kept in a cookie, is the key) and the built-in
   * room. Its host pages need the agent's login (a form against Camunda's users); forms carry
   * Spring Security's CSRF token. No Referer leaves these pages, so no address of them leaks.
   */
  @Bean
  @Order(5)
  SecurityFilterChain customerPages(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
                                    WebappSingleLogin singleLogin) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/join/**"), path("/join"), path("/survey/**"), path("/survey"),
            path("/privacy/**"), path("/privacy"), path("/room/**"), path("/room"), path("/web/**")))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/room/host/**").hasAnyAuthority(AGENTS, TEAM_LEADS, ADMINS)
            .anyRequest().permitAll())
        .formLogin(form -> form.loginPage(AgentLoginPage.PATH).successHandler(singleLogin.successHandler()).permitAll())
        .addFilterAfter(singleLogin.sessionFilter(), SecurityContextHolderFilter.class)
        .logout(logout -> logout.logoutUrl("/room/logout").logoutSuccessUrl(AgentLoginPage.PATH + "?logout"))
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob:; "
                + "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'"))
            .permissionsPolicyHeader(permissions -> permissions.policy(
                "camera=(self), microphone=(self), display-capture=(self), geolocation=()")))
        .build();
  }

  /**
   * The staff pages, logged in through the staff login form: the session search ({@code /sessions},
   * everyone who works or watches sessions; agents find only theirs) and the analytics with its CSV
   * download (team leads, managers and admins). No script at all; styles only from the application.
   */
  @Bean
  @Order(6)
  SecurityFilterChain staffPages(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
                                 WebappSingleLogin singleLogin) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/analytics/**"), path("/analytics"), path("/sessions/**"),
            path("/sessions")))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/sessions/*/join-link").hasAnyAuthority(AGENTS, TEAM_LEADS, ADMINS)
            .requestMatchers("/sessions", "/sessions/**").hasAnyAuthority(AGENTS, TEAM_LEADS, MANAGERS, ADMINS)
            .anyRequest().hasAnyAuthority(TEAM_LEADS, MANAGERS, ADMINS))
        .formLogin(form -> form.loginPage(AgentLoginPage.PATH).successHandler(singleLogin.successHandler()).permitAll())
        .addFilterAfter(singleLogin.sessionFilter(), SecurityContextHolderFilter.class)
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; "
                + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")))
        .build();
  }

  /**
   * Metrics for the monitoring system (Prometheus scrapes {@code /actuator/prometheus}): HTTP Basic
   * against Camunda's users, for managers and admins. Health stays open for probes (below).
   */
  @Bean
  @Order(7)
  SecurityFilterChain metrics(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/actuator/prometheus"), path("/actuator/metrics/**"),
            path("/actuator/metrics")))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(MANAGERS, ADMINS))
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * Staff pages linked from help desk notes (a call's recording and transcript): the staff login;
   * the page itself checks that the recording belongs to the agent's session or the user leads.
   */
  @Bean
  @Order(8)
  SecurityFilterChain recordingPages(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
                                     WebappSingleLogin singleLogin) throws Exception {
    return http
        .securityMatcher(path("/staff/**"))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(AGENTS, TEAM_LEADS, MANAGERS, ADMINS))
        .formLogin(form -> form.loginPage(AgentLoginPage.PATH).successHandler(singleLogin.successHandler()).permitAll())
        .addFilterAfter(singleLogin.sessionFilter(), SecurityContextHolderFilter.class)
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; "
                + "media-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'")))
        .build();
  }

  /** Health for probes; everything else not named above is closed until a feature opens it. */
  @Bean
  @Order(10)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/error", "/actuator/health/**", "/camunda-welcome", "/favicon.ico").permitAll()
            .anyRequest().denyAll())
        .build();
  }

  /** scheme://host[:port] of a URL, for a Content-Security-Policy source. */
  static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
