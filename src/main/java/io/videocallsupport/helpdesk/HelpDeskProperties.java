package io.videocallsupport.helpdesk;

import io.videocallsupport.session.SessionValues.CustomerTier;
import io.videocallsupport.session.SessionValues.IssueCategory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings common to every outside help desk ({@code vcs.helpdesk}); each vendor has its own under
 * {@code vcs.helpdesk.zendesk} and {@code vcs.helpdesk.freshdesk}.
 *
 * @param adapter              own (default), zendesk or freshdesk
 * @param tierField            the organisation field that holds the customer's tier
 * @param tiers                values of that field, or tags, that mean a tier (vip: VIP, enterprise: ENTERPRISE)
 * @param declinedVideoTags    tags that mean the customer declined video before
 * @param startIssueCategory   the issue category of sessions started from a ticket
 * @param startCountry         the jurisdiction (ISO country) of sessions started from a ticket
 * @param startAs              the user a session started from a ticket runs as (its initiator)
 * @param contextTimeout       how long an agent's form waits for the help desk's customer context
 */
@ConfigurationProperties("vcs.helpdesk")
public record HelpDeskProperties(
    String adapter,
    String tierField,
    Map<String, CustomerTier> tiers,
    List<String> declinedVideoTags,
    IssueCategory startIssueCategory,
    String startCountry,
    String startAs,
    Duration contextTimeout) {

  public HelpDeskProperties {
    adapter = adapter == null || adapter.isBlank() ? "own" : adapter.trim().toLowerCase(Locale.ROOT);
    tierField = tierField == null ? "tier" : tierField;
    Map<String, CustomerTier> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(tiers == null || tiers.isEmpty()
        ? Map.of("vip", CustomerTier.VIP, "enterprise", CustomerTier.ENTERPRISE) : tiers);
    tiers = caseInsensitive;
    declinedVideoTags = declinedVideoTags == null ? List.of("video-declined") : List.copyOf(declinedVideoTags);
    startIssueCategory = startIssueCategory == null ? IssueCategory.OTHER : startIssueCategory;
    startCountry = startCountry == null || startCountry.isBlank() ? "US" : startCountry;
    startAs = startAs == null || startAs.isBlank() ? "helpdesk" : startAs;
    contextTimeout = contextTimeout == null ? Duration.ofSeconds(2) : contextTimeout;
  }

  /** The tier the organisation's tier field says, or else the first tag that names one. */
  public Optional<CustomerTier> tierOf(TicketFacts facts) {
    if (facts.tierValue() != null && tiers.containsKey(facts.tierValue().trim())) {
      return Optional.of(tiers.get(facts.tierValue().trim()));
    }
    return facts.tags().stream().filter(tiers::containsKey).map(tiers::get).findFirst();
  }

  public boolean declinedVideoBefore(TicketFacts facts) {
    return facts.tags().stream().anyMatch(tag -> declinedVideoTags.stream().anyMatch(tag::equalsIgnoreCase));
  }
}
