package io.videocallsupport.session;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a customer's email address and mobile number before anything is sent to them. Numbers
 * must be in international E.164 form (+ country code) and valid for their country.
 */
@Component
public class ContactDetailsCheck {

  private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

  private record EmailAddress(@Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") String value) {
  }

  private final Validator validator;

  ContactDetailsCheck(Validator validator) {
    this.validator = validator;
  }

  /** Problems an agent can fix, in words; empty when the details can be used. */
  public List<String> problems(String email, String mobile) {
    List<String> problems = new ArrayList<>();
    if (email == null || email.isBlank()) {
      problems.add("The email address is missing.");
    } else if (!isValidEmail(email)) {
      problems.add("The email address '" + email + "' is not valid.");
    }
    if (mobile != null && !mobile.isBlank() && !isValidMobile(mobile)) {
      problems.add("The mobile number '" + mobile + "' is not a valid international number (E.164, e.g. +4915112345678).");
    }
    return problems;
  }

  public boolean isValidEmail(String email) {
    return email != null && validator.validate(new EmailAddress(email.trim())).isEmpty();
  }

  public static boolean isValidMobile(String number) {
    if (number == null || !number.trim().matches("\\+[1-9]\\d{6,14}")) {
      return false;
    }
    try {
      return PHONE_NUMBERS.isValidNumber(PHONE_NUMBERS.parse(number.trim(), null));
    } catch (NumberParseException e) {
      return false;
    }
  }
}
