package org.baton.provisioning;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.baton.directory.Directory;
import org.baton.directory.Email;
import org.baton.directory.PeopleService;
import org.baton.directory.Person;
import org.baton.directory.PersonDraft;
import org.baton.platform.BatonProperties;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.SystemTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM users are people. {@code userName} is the person's e-mail address (with which they sign in);
 * {@code displayName} (or {@code name}) their name; {@code title}, the first phone number and
 * {@code active} map to the same; their team is their group. A deleted user is deactivated, keeps
 * their history, and is no longer shown; creating the same userName again brings them back. Every
 * call is one transaction: a refused one changes nothing.
 */
@Service
class ScimUsers {

  static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final int MAX_COUNT = 200;

  /** The attributes of RFC 7643's User (lower-case); those Baton keeps no value of are ignored. */
  private static final Set<String> ATTRIBUTES =
      Set.of(
          "schemas",
          "id",
          "externalid",
          "meta",
          "username",
          "name",
          "displayname",
          "nickname",
          "profileurl",
          "title",
          "usertype",
          "preferredlanguage",
          "locale",
          "timezone",
          "active",
          "password",
          "emails",
          "phonenumbers",
          "ims",
          "photos",
          "addresses",
          "groups",
          "entitlements",
          "roles",
          "x509certificates");

  private final Directory directory;
  private final PeopleService people;
  private final ProvisioningRepository repository;
  private final String base;

  ScimUsers(
      Directory directory,
      PeopleService people,
      ProvisioningRepository repository,
      BatonProperties properties) {
    this.directory = directory;
    this.people = people;
    this.repository = repository;
    this.base = properties.baseUrl() + "/scim/v2";
  }

  @Transactional(readOnly = true, rollbackFor = ScimException.class)
  ObjectNode get(String id) throws ScimException {
    return render(existing(id));
  }

  /** A page of users, or those matching a filter on {@code userName} (or e-mail, or id). */
  @Transactional(readOnly = true, rollbackFor = ScimException.class)
  ObjectNode list(String filter, int startIndex, int count) throws ScimException {
    int start = Math.max(1, startIndex);
    int size = Math.max(0, Math.min(MAX_COUNT, count));
    if (filter != null && !filter.isBlank()) {
      List<Person> found = find(Filter.fromString(filter)).stream().toList();
      List<ObjectNode> page =
          found.stream().skip(start - 1L).limit(size).map(this::render).toList();
      return ScimJson.listResponse(page, found.size(), start);
    }
    List<ObjectNode> page =
        directory.people(repository.userIds(start - 1L, size)).stream().map(this::render).toList();
    return ScimJson.listResponse(page, repository.countUsers(), start);
  }

  @Transactional(rollbackFor = ScimException.class)
  ObjectNode create(ObjectNode body) throws ScimException {
    UserFields fields = UserFields.of(body);
    Optional<Person> known = directory.findPersonByEmail(fields.email());
    if (known.isPresent()) {
      if (!repository.isDeprovisioned(known.get().id())) {
        throw ScimJson.conflict("A user with the userName " + fields.email() + " exists.");
      }
      repository.restore(known.get().id()); // someone who comes back keeps their history
      return render(write(known.get(), fields));
    }
    Person created =
        asProvisioner(
            () ->
                people.create(
                    new PersonDraft(
                        fields.email(),
                        fields.name(),
                        fields.title(),
                        null,
                        "",
                        fields.phone(),
                        List.of())));
    if (!fields.active()) {
      return render(asProvisioner(() -> people.setActive(created.id(), false)));
    }
    return render(created);
  }

  @Transactional(rollbackFor = ScimException.class)
  ObjectNode replace(String id, ObjectNode body) throws ScimException {
    Person person = existing(id);
    return render(write(person, UserFields.of(body)));
  }

  /** Applies the operations to the user as SCIM shows it, then saves the result as a replace. */
  @Transactional(rollbackFor = ScimException.class)
  ObjectNode patch(String id, ObjectNode body) throws ScimException {
    Person person = existing(id);
    ObjectNode user = render(person);
    for (PatchOperation operation : patchRequest(body)) {
      operation.apply(user);
    }
    return render(write(person, UserFields.of(user)));
  }

  @Transactional(rollbackFor = ScimException.class)
  void delete(String id) throws ScimException {
    Person person = existing(id);
    if (person.active()) {
      asProvisioner(() -> people.setActive(person.id(), false));
    }
    repository.deprovision(person.id());
  }

  /** The person a user id names, unless a provider has deleted them. */
  Person existing(String id) throws ResourceNotFoundException {
    long personId = ScimGroups.number(id, "");
    return directory
        .findPerson(personId)
        .filter(person -> !repository.isDeprovisioned(person.id()))
        .orElseThrow(() -> new ResourceNotFoundException("No user " + id + "."));
  }

  private Person write(Person person, UserFields fields) throws ScimException {
    Optional<Person> other =
        directory.findPersonByEmail(fields.email()).filter(p -> p.id() != person.id());
    if (other.isPresent()) {
      throw ScimJson.conflict("Another user has the userName " + fields.email() + ".");
    }
    Person saved =
        asProvisioner(
            () ->
                people.update(
                    person.id(),
                    new PersonDraft(
                        fields.email(),
                        fields.name(),
                        fields.title(),
                        person.teamId(),
                        person.location(),
                        fields.phone(),
                        person.perspectiveCodes())));
    if (saved.active() != fields.active()) {
      saved = asProvisioner(() -> people.setActive(person.id(), fields.active()));
    }
    return saved;
  }

  private Optional<Person> find(Filter filter) throws BadRequestException {
    if (filter.getFilterType() != FilterType.EQUAL) {
      throw BadRequestException.invalidFilter(
          "Users can be filtered with eq on userName, emails.value or id.");
    }
    String attribute = filter.getAttributePath().toString().toLowerCase(Locale.ROOT);
    JsonNode value = filter.getComparisonValue();
    String wanted = value == null || !value.isString() ? "" : value.asString();
    Optional<Person> person =
        switch (attribute.replace(SCHEMA.toLowerCase(Locale.ROOT) + ":", "")) {
          case "username", "emails", "emails.value" ->
              directory.findPersonByEmail(wanted.strip().toLowerCase(Locale.ROOT));
          case "id" ->
              wanted.matches("\\d{1,18}")
                  ? directory.findPerson(Long.parseLong(wanted))
                  : Optional.empty();
          case "externalid" -> Optional.empty(); // Baton keeps no external ids: nobody matches
          default ->
              throw BadRequestException.invalidFilter(
                  "Users can be filtered with eq on userName, emails.value or id, not "
                      + filter.getAttributePath()
                      + ".");
        };
    return person.filter(p -> !repository.isDeprovisioned(p.id()));
  }

  ObjectNode render(Person person) {
    ObjectNode user = ScimJson.nodes().objectNode();
    user.putArray("schemas").add(SCHEMA);
    user.put("id", String.valueOf(person.id()));
    user.put("userName", person.email());
    user.putObject("name").put("formatted", person.name());
    user.put("displayName", person.name());
    if (!person.title().isEmpty()) {
      user.put("title", person.title());
    }
    user.put("active", person.active());
    user.putArray("emails")
        .addObject()
        .put("value", person.email())
        .put("type", "work")
        .put("primary", true);
    if (!person.phone().isEmpty()) {
      user.putArray("phoneNumbers").addObject().put("value", person.phone()).put("type", "work");
    }
    if (person.teamId() != null) {
      user.putArray("groups")
          .addObject()
          .put("value", ScimGroups.id(person.teamId()))
          .put("display", person.teamName())
          .put("$ref", base + "/Groups/" + ScimGroups.id(person.teamId()));
    }
    user.set("meta", ScimJson.meta("User", base + "/Users/" + person.id()));
    return user;
  }

  /**
   * A PATCH body as the SDK reads it. Some providers write the operation's name capitalised
   * ("Replace"), which RFC 7644 does not allow but every server meets: it is lower-cased first.
   */
  static PatchRequest patchRequest(ObjectNode body) throws BadRequestException {
    JsonNode operations = ScimJson.attribute(body, "Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw BadRequestException.invalidSyntax("A PATCH needs a list of Operations.");
    }
    for (JsonNode operation : operations) {
      if (operation instanceof ObjectNode op && op.path("op").isString()) {
        op.put("op", op.get("op").asString().toLowerCase(Locale.ROOT));
      }
    }
    try {
      return com.unboundid.scim2.common.utils.JsonUtils.getObjectReader()
          .forType(PatchRequest.class)
          .readValue(body);
    } catch (RuntimeException e) {
      throw BadRequestException.invalidSyntax(
          "The PATCH operations are not valid: " + e.getMessage());
    }
  }

  /** Runs a directory change with the rights provisioning has (see {@link ScimPermissions}). */
  static <T> T asProvisioner(Supplier<T> change) throws BadRequestException {
    try {
      return SystemTask.runAsAdmin(change);
    } catch (InvalidInputException e) {
      throw BadRequestException.invalidValue(
          e.problems().stream()
              .map(FieldProblem::message)
              .distinct()
              .collect(Collectors.joining(" ")));
    }
  }

  /** What a SCIM user says of a person, checked. */
  record UserFields(String email, String name, String title, String phone, boolean active) {

    static UserFields of(ObjectNode user) throws BadRequestException {
      ScimJson.onlyKnownAttributes(user, ATTRIBUTES);
      String userName = ScimJson.text(user, "userName");
      if (userName == null || userName.isBlank()) {
        throw BadRequestException.invalidValue(
            "userName is required: the person's e-mail address.");
      }
      String name = ScimJson.text(user, "displayName");
      JsonNode fullName = ScimJson.attribute(user, "name");
      if ((name == null || name.isBlank()) && fullName instanceof ObjectNode parts) {
        name = ScimJson.text(parts, "formatted");
        if (name == null || name.isBlank()) {
          String given = ScimJson.text(parts, "givenName");
          String family = ScimJson.text(parts, "familyName");
          name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
      }
      if (name == null || name.isBlank()) {
        throw BadRequestException.invalidValue("displayName or name is required.");
      }
      String title = ScimJson.text(user, "title");
      Boolean active = ScimJson.bool(user, "active");
      return new UserFields(
          Email.normalise(userName),
          name.strip(),
          title == null ? "" : title,
          phone(user),
          active == null || active);
    }

    /** The primary phone number, or else the first. */
    private static String phone(ObjectNode user) throws BadRequestException {
      JsonNode numbers = ScimJson.attribute(user, "phoneNumbers");
      if (numbers == null || !numbers.isArray() || numbers.isEmpty()) {
        return "";
      }
      JsonNode chosen = numbers.get(0);
      for (JsonNode number : numbers) {
        if (number.path("primary").asBoolean(false)) {
          chosen = number;
        }
      }
      if (!(chosen instanceof ObjectNode number)) {
        throw BadRequestException.invalidValue("phoneNumbers must be objects with a value.");
      }
      String value = ScimJson.text(number, "value");
      return value == null ? "" : value;
    }
  }
}
