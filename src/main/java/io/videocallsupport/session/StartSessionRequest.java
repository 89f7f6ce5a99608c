package io.videocallsupport.session;

import io.videocallsupport.session.SessionValues.CustomerTier;
import io.videocallsupport.session.SessionValues.IssueCategory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What starts a video session for a ticket: the body of {@code POST /api/sessions}, and the start
 * variables of Tasklist's start form or an engine-rest start, read by {@link SessionStartRules}.
 * These constraints are the one set of rules for every start path.
 */
public record StartSessionRequest(
    @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain letters, digits and . _ : - only")
    String ticketId,
    @NotBlank @Size(max = 500) String ticketSubject,
    @NotBlank @Size(max = 200) String customerName,
    @NotBlank @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") @Size(max = 320) String customerEmail,
    @MobileNumber String customerMobile,
    @TimeZoneId String customerTimeZone,
    @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag like en or de-AT")
    @OfferedLanguage String customerLocale,
    @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code (ISO 3166)") String jurisdictionCountry,
    @Size(max = 10) String jurisdictionRegion,
    @NotNull IssueCategory issueCategory,
    @Min(0) @Max(10_000) Integer textExchangeCount,
    CustomerTier customerTier,
    Boolean declinedVideoBefore,
    Boolean hasCamera,
    Boolean customerAskedForVideo,
    @Size(max = 100) @SessionAgent String agentId) {
}
