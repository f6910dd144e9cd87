package org.baton.notifications;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.baton.identity.BatonUser;
import org.baton.notifications.NotificationKind.Delivery;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How notifications reach each person: per kind, at once by e-mail, in the digest, or only in
 * Baton; and how often the digest comes. A person changes only their own choices; the defaults,
 * which apply where a person has not chosen, are for admins only.
 */
@Service
public class NotificationPreferences {

  /** How often a person's digest comes. */
  public enum Digest {
    DAILY("Daily"),
    WEEKLY("Weekly, on Mondays"),
    OFF("Never");

    private final String label;

    Digest(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A person's effective choices: their own where made, else the defaults.
   *
   * @param own which kinds the person chose themselves (the rest follow the defaults)
   */
  public record Choices(
      Map<NotificationKind, Delivery> deliveries, List<NotificationKind> own, Digest digest) {}

  private final JdbcClient jdbc;

  NotificationPreferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How a notification of this kind reaches this person. */
  public Delivery deliveryFor(long personId, NotificationKind kind) {
    return deliveriesFor(List.of(personId), kind).get(personId);
  }

  /**
   * How a notification of this kind reaches each of these people, in one query. A digest kind for
   * someone whose digest is off stays only in Baton: no digest would ever take it.
   */
  public Map<Long, Delivery> deliveriesFor(
      java.util.Collection<Long> people, NotificationKind kind) {
    Map<Long, Delivery> deliveries = new java.util.HashMap<>();
    jdbc.sql(
            """
            select p.id,
                   coalesce(np.delivery,
                            (select delivery from notification_default where kind = :kind)),
                   coalesce(d.frequency, 'DAILY')
            from unnest(cast(:people as bigint[])) as p (id)
            left join notification_preference np on np.person_id = p.id and np.kind = :kind
            left join notification_digest d on d.person_id = p.id
            """)
        .param("people", people.toArray(Long[]::new))
        .param("kind", kind.name())
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  Delivery delivery =
                      rs.getString(2) == null
                          ? kind.builtInDefault()
                          : Delivery.valueOf(rs.getString(2));
                  if (delivery == Delivery.DIGEST && "OFF".equals(rs.getString(3))) {
                    delivery = Delivery.OFF;
                  }
                  deliveries.put(rs.getLong(1), delivery);
                });
    return deliveries;
  }

  public Map<NotificationKind, Delivery> defaults() {
    Map<NotificationKind, Delivery> defaults = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      defaults.put(kind, kind.builtInDefault());
    }
    jdbc.sql("select kind, delivery from notification_default")
        .query(
            rs -> {
              kind(rs.getString(1)).ifPresent(k -> safely(rs, defaults, k));
            });
    return defaults;
  }

  public Choices of(long personId) {
    Map<NotificationKind, Delivery> deliveries = defaults();
    List<NotificationKind> own = new ArrayList<>();
    jdbc.sql("select kind, delivery from notification_preference where person_id = ?")
        .param(personId)
        .query(
            rs -> {
              kind(rs.getString(1))
                  .ifPresent(
                      k -> {
                        safely(rs, deliveries, k);
                        own.add(k);
                      });
            });
    return new Choices(deliveries, own, digestOf(personId));
  }

  public Digest digestOf(long personId) {
    return jdbc.sql("select frequency from notification_digest where person_id = ?")
        .param(personId)
        .query(String.class)
        .optional()
        .map(Digest::valueOf)
        .orElse(Digest.DAILY);
  }

  /**
   * Saves the acting person's choices: every kind named must be a known kind with a known delivery;
   * a bad one is named and nothing is saved.
   */
  @Transactional
  public Choices save(BatonUser actor, Map<String, String> deliveries, String digest) {
    long person = personOf(actor);
    Map<NotificationKind, Delivery> parsed = parse(deliveries);
    Digest frequency = null;
    if (digest != null && !digest.isBlank()) {
      frequency = digestFrom(digest);
    }
    for (Map.Entry<NotificationKind, Delivery> choice : parsed.entrySet()) {
      jdbc.sql(
              """
              insert into notification_preference (person_id, kind, delivery) values (?, ?, ?)
              on conflict (person_id, kind) do update set delivery = excluded.delivery
              """)
          .params(person, choice.getKey().name(), choice.getValue().name())
          .update();
    }
    if (frequency != null) {
      setDigest(person, frequency);
    }
    return of(person);
  }

  /** Admins set what applies where a person has not chosen. */
  @Transactional
  public Map<NotificationKind, Delivery> saveDefaults(
      BatonUser actor, Map<String, String> deliveries) {
    NotificationPermissions.requireSetDefaults(actor);
    for (Map.Entry<NotificationKind, Delivery> choice : parse(deliveries).entrySet()) {
      jdbc.sql(
              """
              insert into notification_default (kind, delivery) values (?, ?)
              on conflict (kind) do update set delivery = excluded.delivery
              """)
          .params(choice.getKey().name(), choice.getValue().name())
          .update();
    }
    return defaults();
  }

  /** One-click unsubscribe (the link's signature was checked): this kind no longer by e-mail. */
  @Transactional
  void unsubscribe(long personId, NotificationKind kind) {
    jdbc.sql(
            """
            insert into notification_preference (person_id, kind, delivery) values (?, ?, 'OFF')
            on conflict (person_id, kind) do update set delivery = 'OFF'
            """)
        .params(personId, kind.name())
        .update();
  }

  /** One-click unsubscribe from the digest. */
  @Transactional
  void unsubscribeFromDigest(long personId) {
    setDigest(personId, Digest.OFF);
  }

  private void setDigest(long person, Digest frequency) {
    jdbc.sql(
            """
            insert into notification_digest (person_id, frequency) values (?, ?)
            on conflict (person_id) do update set frequency = excluded.frequency
            """)
        .params(person, frequency.name())
        .update();
  }

  private static Map<NotificationKind, Delivery> parse(Map<String, String> deliveries) {
    Map<NotificationKind, Delivery> parsed = new EnumMap<>(NotificationKind.class);
    List<FieldProblem> problems = new ArrayList<>();
    (deliveries == null ? Map.<String, String>of() : deliveries)
        .forEach(
            (kind, delivery) -> {
              java.util.Optional<NotificationKind> known = kind(kind);
              if (known.isEmpty()) {
                problems.add(
                    new FieldProblem(
                        "deliveries." + kind,
                        "There is no kind of notification called " + kind + "."));
                return;
              }
              try {
                parsed.put(known.get(), Delivery.valueOf(String.valueOf(delivery)));
              } catch (IllegalArgumentException e) {
                problems.add(
                    new FieldProblem("deliveries." + kind, "Choose IMMEDIATELY, DIGEST or OFF."));
              }
            });
    InvalidInputException.throwIfAny(problems);
    return parsed;
  }

  private static Digest digestFrom(String digest) {
    try {
      return Digest.valueOf(digest);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("digest", "Choose DAILY, WEEKLY or OFF.");
    }
  }

  static java.util.Optional<NotificationKind> kind(String name) {
    try {
      return java.util.Optional.of(NotificationKind.valueOf(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }

  private static void safely(
      java.sql.ResultSet rs, Map<NotificationKind, Delivery> into, NotificationKind kind) {
    try {
      into.put(kind, Delivery.valueOf(rs.getString(2)));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long personOf(BatonUser actor) {
    return actor.requirePerson("person", "operator accounts get no notifications.");
  }
}
