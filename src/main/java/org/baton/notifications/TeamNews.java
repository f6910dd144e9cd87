package org.baton.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Organisation;
import org.baton.initiatives.Initiative;

/**
 * What happened in each team over a digest's period: the decisions its members recorded (only those
 * every member may see) and the initiatives they spotted. Read once for a whole run of digests,
 * then told to each person about their own team and the teams they lead, leaving out what they did
 * themselves.
 */
final class TeamNews {

  /** At most this many things of the read period; a busier period is cut to the newest. */
  static final int MOST_READ = 5_000;

  static final int MOST_PER_PERSON = 10;

  private record News(long actorId, String text, String link, Instant at) {}

  private final Organisation organisation;
  private final Map<Long, List<News>> byTeam = new HashMap<>();

  TeamNews(
      Organisation organisation,
      List<DecisionRecord.Recorded> decisions,
      List<Initiative> initiatives) {
    this.organisation = organisation;
    for (DecisionRecord.Recorded d : decisions) {
      add(
          d.deciderPersonId(),
          name(d.deciderPersonId()) + " decided: " + d.title(),
          "/decisions/" + d.id(),
          d.decidedAt());
    }
    for (Initiative i : initiatives) {
      add(
          i.createdBy(),
          name(i.createdBy()) + " spotted: " + i.title(),
          "/initiatives/" + i.id(),
          i.createdAt());
    }
    byTeam.values().forEach(news -> news.sort(Comparator.comparing(News::at).reversed()));
  }

  /** The news of this person's teams, newest first, and a link to the rest if there is more. */
  List<NotificationMail.Item> forPerson(long personId) {
    Set<Long> teams = new LinkedHashSet<>();
    organisation.member(personId).map(Organisation.Member::teamId).ifPresent(teams::add);
    teams.addAll(organisation.teamsLedBy(personId));
    List<News> theirs = new ArrayList<>();
    for (Long team : teams) {
      for (News news : byTeam.getOrDefault(team, List.of())) {
        if (news.actorId() != personId) {
          theirs.add(news);
        }
      }
    }
    theirs.sort(Comparator.comparing(News::at).reversed());
    List<NotificationMail.Item> items = new ArrayList<>();
    for (News news : theirs.subList(0, Math.min(MOST_PER_PERSON, theirs.size()))) {
      items.add(new NotificationMail.Item("In your team: " + news.text(), List.of(), news.link()));
    }
    if (theirs.size() > MOST_PER_PERSON) {
      items.add(
          new NotificationMail.Item(
              (theirs.size() - MOST_PER_PERSON) + " more in your team",
              List.of(),
              "/decisions?scope=team"));
    }
    return items;
  }

  private void add(long actorId, String text, String link, Instant at) {
    organisation
        .member(actorId)
        .map(Organisation.Member::teamId)
        .ifPresent(
            team ->
                byTeam
                    .computeIfAbsent(team, t -> new ArrayList<>())
                    .add(new News(actorId, text, link, at)));
  }

  private String name(long personId) {
    return organisation.member(personId).map(Organisation.Member::name).orElse("Someone");
  }
}
