package io.videocallsupport.messaging;

/** Why a message was sent; also the name of its template. */
public enum MessagePurpose {
  INVITATION("invitation"),
  REMINDER("reminder"),
  JOIN_LINK_RESENT("join-link-resent"),
  REJOIN_LINK("rejoin-link"),
  FOLLOW_UP("follow-up"),
  SURVEY("survey"),
  SURVEY_REMINDER("survey-reminder"),
  RECORDING_COPY("recording-copy"),
  NO_RECORDING("no-recording"),
  ERASURE_CONFIRMATION("erasure-confirmation");

  private final String template;

  MessagePurpose(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
