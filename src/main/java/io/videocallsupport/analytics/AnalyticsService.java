package io.videocallsupport.analytics;

import io.videocallsupport.analytics.AnalyticsReport.AgentKpis;
import io.videocallsupport.analytics.AnalyticsReport.PeriodKpis;
import io.videocallsupport.analytics.AnalyticsRepository.Counts;
import io.videocallsupport.analytics.AnalyticsRepository.Group;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The managers' KPIs (DESIGN section 8) from the session, survey and ticket records. */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(AnalyticsProperties.class)
public class AnalyticsService {

  private final AnalyticsRepository repository;
  private final AnalyticsProperties settings;
  private final Clock clock;

  AnalyticsService(AnalyticsRepository repository, AnalyticsProperties settings, Clock clock) {
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
  }

  /** Reads request parameters (see {@link AnalyticsQuery#parse}) with today in the reporting time zone. */
  public AnalyticsQuery query(String from, String to, String agent, String period) {
    return AnalyticsQuery.parse(from, to, agent, period, LocalDate.now(clock.withZone(zone())), settings);
  }

  public AnalyticsReport report(AnalyticsQuery query) {
    List<PeriodKpis> periods = periods(query);
    OffsetDateTime from = start(query.from());
    OffsetDateTime to = start(query.to());
    Counts total = repository.aggregate(from, to, query.agent(), null, false).stream().findFirst()
        .map(Group::counts).orElse(Counts.NONE);
    Map<Integer, Counts> perPeriod = repository.aggregate(from, to, query.agent(), starts(periods), false).stream()
        .collect(Collectors.toMap(Group::period, Group::counts));
    List<AgentKpis> agents = repository.aggregate(from, to, query.agent(), null, true).stream()
        .sorted(Comparator.comparing(Group::agent, Comparator.nullsLast(Comparator.naturalOrder())))
        .map(g -> new AgentKpis(g.agent(), kpis(g.counts())))
        .toList();
    List<PeriodKpis> filled = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      PeriodKpis p = periods.get(i);
      filled.add(new PeriodKpis(p.label(), p.start(), p.end(), kpis(perPeriod.getOrDefault(i, Counts.NONE))));
    }
    return new AnalyticsReport(query.from(), query.to(), settings.timeZone(), query.agent(), query.period(),
        settings.targets(), kpis(total), filled, agents);
  }

  /** One row per period, or per period and agent (only agents with sessions in that period). */
  public List<AnalyticsReport.Row> rows(AnalyticsQuery query, boolean byAgent) {
    List<PeriodKpis> periods = periods(query);
    List<Group> groups = repository.aggregate(start(query.from()), start(query.to()), query.agent(),
        starts(periods), byAgent);
    List<AnalyticsReport.Row> rows = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      int index = i;
      List<Group> inPeriod = groups.stream().filter(g -> Objects.equals(g.period(), index))
          .sorted(Comparator.comparing(Group::agent, Comparator.nullsLast(Comparator.naturalOrder())))
          .toList();
      if (!byAgent) {
        Counts counts = inPeriod.isEmpty() ? Counts.NONE : inPeriod.get(0).counts();
        rows.add(new AnalyticsReport.Row(periods.get(i), query.agent(), kpis(counts)));
      } else {
        inPeriod.forEach(g -> rows.add(new AnalyticsReport.Row(periods.get(index), g.agent(), kpis(g.counts()))));
      }
    }
    return rows;
  }

  public AnalyticsProperties settings() {
    return settings;
  }

  /** The calendar periods that overlap the range, cut to it; their KPIs still empty. */
  static List<PeriodKpis> periods(AnalyticsQuery query) {
    List<PeriodKpis> periods = new ArrayList<>();
    LocalDate start = query.from();
    while (start.isBefore(query.to())) {
      LocalDate next = query.period().next(query.period().startOf(start));
      LocalDate end = next.isAfter(query.to()) ? query.to() : next;
      periods.add(new PeriodKpis(query.period().label(query.period().startOf(start)), start, end, null));
      start = end;
    }
    return periods;
  }

  private List<OffsetDateTime> starts(List<PeriodKpis> periods) {
    return periods.stream().map(PeriodKpis::start).map(this::start).toList();
  }

  private OffsetDateTime start(LocalDate day) {
    return day.atStartOfDay(zone()).toOffsetDateTime();
  }

  private ZoneId zone() {
    return settings.zone();
  }

  private Kpis kpis(Counts counts) {
    return Kpis.of(counts, settings.targets());
  }
}
