package io.videocallsupport.session;

import io.videocallsupport.messaging.Languages;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A customer language from {@code vcs.languages.offered} (a tag such as "fr" or "de-AT" counts by
 * its language); null is allowed (the default language is used). A start in another language is
 * refused rather than run with English pages the customer did not choose.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OfferedLanguage.Validator.class)
public @interface OfferedLanguage {

  String message() default "is not an offered language";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Created by Spring's validator factory, which injects the configured languages. */
  class Validator implements ConstraintValidator<OfferedLanguage, String> {

    private final Languages languages;

    Validator(Languages languages) {
      this.languages = languages;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank() || languages.isOffered(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(
              "is not an offered language; offered are " + languages.offeredAsText())
          .addConstraintViolation();
      return false;
    }
  }
}
