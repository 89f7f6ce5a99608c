package io.videocallsupport.web;

import io.videocallsupport.token.TokenPurpose;

/**
 * The customer pages that a link opens: where the link points, which token purpose it needs, and
 * the cookie that holds the token after the first visit. The join cookie is valid for the room
 * too ({@code /room}), so its path is the root.
 */
public enum CustomerPage {
  JOIN("/join", TokenPurpose.JOIN, "vcs_join", "/"),
  SURVEY("/survey", TokenPurpose.SURVEY, "vcs_survey", "/survey"),
  PRIVACY("/privacy", TokenPurpose.PRIVACY, "vcs_privacy", "/privacy"),
  DOWNLOAD("/privacy/download", TokenPurpose.RECORDING_DOWNLOAD, "vcs_download", "/privacy/download");

  private final String path;
  private final TokenPurpose purpose;
  private final String cookieName;
  private final String cookiePath;

  CustomerPage(String path, TokenPurpose purpose, String cookieName, String cookiePath) {
    this.path = path;
    this.purpose = purpose;
    this.cookieName = cookieName;
    this.cookiePath = cookiePath;
  }

  /** The token-free address of the page, where the customer lands after the link. */
  public String path() {
    return path;
  }

  public TokenPurpose purpose() {
    return purpose;
  }

  public String cookieName() {
    return cookieName;
  }

  public String cookiePath() {
    return cookiePath;
  }
}
