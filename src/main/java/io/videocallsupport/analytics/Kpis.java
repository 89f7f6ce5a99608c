package io.videocallsupport.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The KPIs of one set of sessions (a whole report, one period, one agent). Counts are whole numbers;
 * rates are shares from 0 to 1; a rate or average without data is null, never 0.
 *
 * @param funnel                    sessions that reached each step
 * @param offersAnswered            offers the customer answered (yes or no)
 * @param accepted                  offers the customer accepted
 * @param acceptanceRate            accepted / offers answered
 * @param callsHeld                 calls the customer joined that ended with an outcome
 * @param averageCallMinutes        customer joined to call ended, over held calls
 * @param medianCallMinutes         the same, median
 * @param firstContactResolution    calls resolved on the call / calls held (video resolution rate)
 * @param followUps                 held calls whose outcome was "needs follow-up"
 * @param followUpRate              follow-ups / calls held
 * @param csatAverage               average post-video survey score (1-5)
 * @param csatResponses             answered surveys
 * @param textTickets               tickets handled without video (no video offered, or declined)
 * @param textTicketsResolved       of those, tickets the help desk marked resolved
 * @param textResolutionRate        text tickets resolved / text tickets
 * @param eligibleTickets           tickets that were offered video
 * @param eligibleTicketsChoseVideo of those, tickets whose customer accepted
 * @param eligibleChoseVideoShare   eligible tickets that chose video / eligible tickets
 * @param targets                   each KPI against its target
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Kpis(Funnel funnel, int offersAnswered, int accepted, Double acceptanceRate, int callsHeld,
                   Double averageCallMinutes, Double medianCallMinutes, Double firstContactResolution,
                   int followUps, Double followUpRate, Double csatAverage, int csatResponses, int textTickets,
                   int textTicketsResolved, Double textResolutionRate, int eligibleTickets,
                   int eligibleTicketsChoseVideo, Double eligibleChoseVideoShare, TargetResults targets) {

  /** Sessions requested in the range, and how many of them reached each step. */
  public record Funnel(int requested, int offered, int invited, int joined, int consented, int resolved,
                       int surveyed) {
  }

  public enum TargetStatus { MET, NOT_MET, NO_DATA }

  /** The KPIs that DESIGN section 1 sets a target for. */
  public record TargetResults(TargetStatus acceptanceRate, TargetStatus callMinutes,
                              TargetStatus firstContactResolution, TargetStatus csat, TargetStatus followUpRate) {
  }

  static Kpis of(AnalyticsRepository.Counts c, AnalyticsProperties.Targets t) {
    Double acceptance = rate(c.accepted(), c.offersAnswered());
    Double averageMinutes = minutes(c.averageCallSeconds());
    Double fcr = rate(c.resolved(), c.callsHeld());
    Double followUpRate = rate(c.followUps(), c.callsHeld());
    Double csat = round(c.csatAverage(), 2);
    return new Kpis(
        new Funnel(c.requested(), c.offered(), c.invited(), c.joined(), c.consented(), c.resolved(), c.surveyed()),
        c.offersAnswered(), c.accepted(), acceptance, c.callsHeld(), averageMinutes,
        minutes(c.medianCallSeconds()), fcr, c.followUps(), followUpRate, csat, c.csatResponses(), c.textTickets(),
        c.textTicketsResolved(), rate(c.textTicketsResolved(), c.textTickets()), c.eligibleTickets(),
        c.eligibleTicketsChoseVideo(), rate(c.eligibleTicketsChoseVideo(), c.eligibleTickets()),
        new TargetResults(
            status(acceptance, acceptance != null && acceptance > t.acceptanceRateAbove()),
            status(averageMinutes, averageMinutes != null && averageMinutes >= t.callMinutesMin()
                && averageMinutes <= t.callMinutesMax()),
            status(fcr, fcr != null && fcr > t.firstContactResolutionAbove()),
            status(csat, csat != null && csat > t.csatAbove()),
            status(followUpRate, followUpRate != null && followUpRate < t.followUpRateBelow())));
  }

  private static TargetStatus status(Double value, boolean met) {
    return value == null ? TargetStatus.NO_DATA : met ? TargetStatus.MET : TargetStatus.NOT_MET;
  }

  private static Double rate(int part, int whole) {
    return whole == 0 ? null : round((double) part / whole, 4);
  }

  private static Double minutes(Double seconds) {
    return seconds == null ? null : round(seconds / 60, 2);
  }

  private static Double round(Double value, int digits) {
    return value == null || value.isNaN() ? null
        : BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).doubleValue();
  }
}
