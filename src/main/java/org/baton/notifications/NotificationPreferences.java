package org.baton.notifications;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.baton.identity.BatonUser;
import org.baton.notifications.NotificationKind.Delivery;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
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

  private final PreferenceStore store;

  NotificationPreferences(PreferenceStore store) {
    this.store = store;
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
    for (PreferenceStore.Effective row : store.effective(people, kind)) {
      Delivery delivery =
          row.delivery() == null ? kind.builtInDefault() : Delivery.valueOf(row.delivery());
      if (delivery == Delivery.DIGEST && "OFF".equals(row.digest())) {
        delivery = Delivery.OFF;
      }
      deliveries.put(row.personId(), delivery);
    }
    return deliveries;
  }

  public Map<NotificationKind, Delivery> defaults() {
    Map<NotificationKind, Delivery> defaults = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      defaults.put(kind, kind.builtInDefault());
    }
    for (PreferenceStore.Choice choice : store.defaults()) {
      kind(choice.kind()).ifPresent(k -> defaults.put(k, Delivery.valueOf(choice.delivery())));
    }
    return defaults;
  }

  public Choices of(long personId) {
    Map<NotificationKind, Delivery> deliveries = defaults();
    List<NotificationKind> own = new ArrayList<>();
    for (PreferenceStore.Choice choice : store.choicesOf(personId)) {
      kind(choice.kind())
          .ifPresent(
              k -> {
                deliveries.put(k, Delivery.valueOf(choice.delivery()));
                own.add(k);
              });
    }
    return new Choices(deliveries, own, digestOf(personId));
  }

  public Digest digestOf(long personId) {
    return store.digestOf(personId).map(Digest::valueOf).orElse(Digest.DAILY);
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
      store.choose(person, choice.getKey(), choice.getValue());
    }
    if (frequency != null) {
      store.setDigest(person, frequency);
    }
    return of(person);
  }

  /** Admins set what applies where a person has not chosen. */
  @Transactional
  public Map<NotificationKind, Delivery> saveDefaults(
      BatonUser actor, Map<String, String> deliveries) {
    NotificationPermissions.requireSetDefaults(actor);
    for (Map.Entry<NotificationKind, Delivery> choice : parse(deliveries).entrySet()) {
      store.setDefault(choice.getKey(), choice.getValue());
    }
    return defaults();
  }

  /** One-click unsubscribe (the link's signature was checked): this kind no longer by e-mail. */
  @Transactional
  void unsubscribe(long personId, NotificationKind kind) {
    store.choose(personId, kind, Delivery.OFF);
  }

  /** One-click unsubscribe from the digest. */
  @Transactional
  void unsubscribeFromDigest(long personId) {
    store.setDigest(personId, Digest.OFF);
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
                    new FieldProblem(
                        "deliveries." + kind,
                        "Choose e-mail at once, in my digest, or only in Baton."));
              }
            });
    InvalidInputException.throwIfAny(problems);
    return parsed;
  }

  private static Digest digestFrom(String digest) {
    try {
      return Digest.valueOf(digest);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("digest", "Choose daily, weekly on Mondays, or never.");
    }
  }

  static java.util.Optional<NotificationKind> kind(String name) {
    try {
      return java.util.Optional.of(NotificationKind.valueOf(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }

  private static long personOf(BatonUser actor) {
    return actor.requirePerson("person", "operator accounts get no notifications.");
  }
}
