package io.videocallsupport.twilio;

import java.util.regex.Pattern;

/** Twilio's resource ids: two letters naming the kind of resource, then 32 hexadecimal digits. */
final class TwilioSids {

  static final int LENGTH = 34;
  /** A message: SMS or MMS. */
  static final Pattern MESSAGE = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");
  static final Pattern ROOM = Pattern.compile("RM[0-9a-fA-F]{32}");

  /** The value for a log line when it is a sid of that kind; anything else an unverified request sent is not logged. */
  static String forLog(String value, Pattern kind) {
    return value != null && value.length() == LENGTH && kind.matcher(value).matches() ? value : "(no valid sid)";
  }

  private TwilioSids() {
  }
}
