package io.videocallsupport.messaging;

import java.text.Normalizer;

/**
 * Keeps a text message in the GSM-7 alphabet. One character outside it (a Spanish á, a French û in
 * "août", a typographic apostrophe) makes the whole SMS UCS-2: 70 characters a segment instead of
 * 160, so a message designed for two segments would need five. The wording avoids such characters;
 * values put into it (a formatted date such as "sábado", a name) are folded to their plain letter,
 * as SMS senders commonly do. Characters without a plain form (e.g. Ł, Chinese) stay as they are.
 */
public final class SmsAlphabet {

  /** GSM 03.38 basic character set (the extension table's characters count twice and are left out). */
  public static final String GSM_7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  private SmsAlphabet() {
  }

  public static boolean isGsm7(String text) {
    return text.chars().allMatch(c -> GSM_7.indexOf(c) >= 0);
  }

  /** The text with every character outside GSM-7 replaced by its closest GSM-7 form, where one exists. */
  public static String fit(String text) {
    StringBuilder fitted = new StringBuilder(text.length());
    text.codePoints().forEach(c -> fitted.append(fit(c)));
    return fitted.toString();
  }

  private static String fit(int c) {
    String original = Character.toString(c);
    if (GSM_7.indexOf(c) >= 0) {
      return original;
    }
    switch (c) {
      case '’', '‘', '‚', '′':
        return "'";
      case '“', '”', '„', '«', '»':
        return "\"";
      case '–', '—', '‑':
        return "-";
      case '\u00a0', '\u202f', '\u2009':
        return " ";
      case '…':
        return "...";
      default:
        String plain = Normalizer.normalize(original, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return !plain.isEmpty() && isGsm7(plain) ? plain : original;
    }
  }
}
