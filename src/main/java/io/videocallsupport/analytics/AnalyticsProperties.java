package io.videocallsupport.analytics;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the analytics ({@code vcs.analytics.*}).
 *
 * @param timeZone         the zone in which report dates (from, to, days, weeks, months) are meant
 * @param maxRangeDays     the longest period one report may cover
 * @param defaultRangeDays the period shown when no dates are given: the last this many days, today included
 * @param targets          the support team's targets (DESIGN section 1)
 */
@ConfigurationProperties("vcs.analytics")
public record AnalyticsProperties(
    @DefaultValue("UTC") String timeZone,
    @DefaultValue("366") int maxRangeDays,
    @DefaultValue("30") int defaultRangeDays,
    @DefaultValue Targets targets) {

  /**
   * @param acceptanceRateAbove         share of answered offers the customer accepted (met when above)
   * @param callMinutesMin              average call length, lower end of the range (inclusive)
   * @param callMinutesMax              average call length, upper end of the range (inclusive)
   * @param firstContactResolutionAbove share of held calls resolved on the call (met when above)
   * @param csatAbove                   average post-video survey score, 1-5 (met when above)
   * @param followUpRateBelow           share of held calls that need a follow-up (met when below)
   */
  public record Targets(
      @DefaultValue("0.60") double acceptanceRateAbove,
      @DefaultValue("10") double callMinutesMin,
      @DefaultValue("15") double callMinutesMax,
      @DefaultValue("0.85") double firstContactResolutionAbove,
      @DefaultValue("4.7") double csatAbove,
      @DefaultValue("0.10") double followUpRateBelow) {
  }

  public AnalyticsProperties {
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("vcs.analytics.time-zone is not a time zone: " + timeZone, e);
    }
    if (maxRangeDays < 1 || defaultRangeDays < 1 || defaultRangeDays > maxRangeDays) {
      throw new IllegalArgumentException("vcs.analytics: max-range-days and default-range-days must be positive, "
          + "the default no longer than the maximum");
    }
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }
}
