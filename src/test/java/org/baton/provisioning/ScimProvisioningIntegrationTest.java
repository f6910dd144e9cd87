package org.baton.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.jakarta.rs.json.JacksonJsonProvider;

/**
 * SCIM 2.0 as an identity provider uses it, through a real SCIM client (UnboundID's SDK) against
 * the running application: discovery, the life of a user, groups as teams with nesting, the removal
 * forms providers send, and a clear SCIM error (with its scimType) for each bad request, nothing
 * half-saved.
 */
@BatonIntegrationTest
class ScimProvisioningIntegrationTest {

  @LocalServerPort int port;
  @Autowired ApiTokens tokens;
  @Autowired Accounts accounts;
  @Autowired Directory directory;

  private Client client;
  private ScimService scim;
  private String token;

  @BeforeEach
  void connect() {
    token =
        tokens
            .create((BatonUser) accounts.loadUserByUsername("admin"), "idp", Set.of("scim"))
            .secret();
    client =
        ClientBuilder.newClient(
                new ClientConfig().connectorProvider(new Apache5ConnectorProvider()))
            .register(new JacksonJsonProvider(JsonUtils.createObjectMapper()))
            .register(
                (jakarta.ws.rs.client.ClientRequestFilter)
                    request -> request.getHeaders().add("Authorization", "Bearer " + token));
    scim = new ScimService(client.target("http://localhost:" + port + "/scim/v2"));
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  @Test
  void aClientDiscoversWhatIsSupported() throws ScimException {
    var config = scim.getServiceProviderConfig();
    assertThat(config.getPatch().isSupported()).isTrue();
    assertThat(config.getFilter().isSupported()).isTrue();
    assertThat(config.getBulk().isSupported()).isFalse();
    assertThat(scim.getResourceTypes().getResources())
        .extracting(type -> type.getEndpoint().toString())
        .containsExactly("/Users", "/Groups");
    assertThat(scim.getSchemas().getResources())
        .extracting(schema -> schema.getId())
        .contains(
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:core:2.0:Group");
  }

  @Test
  void aUserIsCreatedFoundChangedDeactivatedDeletedAndBroughtBack() throws ScimException {
    String email = unique("ada");
    UserResource created = scim.create("Users", user(email, "Ada Lovelace", "Analyst"));
    assertThat(created.getId()).isNotBlank();
    Person person = directory.findPersonByEmail(email).orElseThrow();
    assertThat(person.name()).isEqualTo("Ada Lovelace");
    assertThat(person.title()).isEqualTo("Analyst");

    ListResponse<UserResource> found =
        scim.search("Users", "userName eq \"" + email.toUpperCase() + "\"", UserResource.class);
    assertThat(found.getTotalResults()).isEqualTo(1);
    assertThat(found.getResources().get(0).getId()).isEqualTo(created.getId());

    assertThatThrownBy(() -> scim.create("Users", user(email, "Ada Again", "")))
        .isInstanceOfSatisfying(
            ScimException.class,
            e -> {
              assertThat(e.getScimError().getStatus()).isEqualTo(409);
              assertThat(e.getScimError().getScimType()).isEqualTo("uniqueness");
            });

    UserResource retitled =
        scim.modifyRequest("Users", created.getId())
            .replaceValue("title", "Lead analyst")
            .invoke(UserResource.class);
    assertThat(retitled.getTitle()).isEqualTo("Lead analyst");

    scim.modifyRequest("Users", created.getId())
        .replaceValue("active", false)
        .invoke(UserResource.class);
    assertThat(directory.findPerson(person.id()).orElseThrow().active()).isFalse();

    scim.delete("Users", created.getId());
    assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), UserResource.class))
        .isInstanceOfSatisfying(
            ScimException.class, e -> assertThat(e.getScimError().getStatus()).isEqualTo(404));
    assertThat(
            scim.search("Users", "userName eq \"" + email + "\"", UserResource.class)
                .getTotalResults())
        .isZero();
    assertThat(directory.findPerson(person.id())).as("history stays").isPresent();

    UserResource back = scim.create("Users", user(email, "Ada Lovelace", "Analyst"));
    assertThat(back.getId()).as("the same person, with their history").isEqualTo(created.getId());
    assertThat(back.getActive()).isTrue();
  }

  @Test
  void usersArePagedInAStableOrder() throws ScimException {
    for (int i = 0; i < 3; i++) {
      scim.create("Users", user(unique("page"), "Paged Person " + i, ""));
    }
    ListResponse<UserResource> first =
        scim.searchRequest("Users").page(1, 2).invoke(UserResource.class);
    ListResponse<UserResource> second =
        scim.searchRequest("Users").page(3, 2).invoke(UserResource.class);
    assertThat(first.getItemsPerPage()).isEqualTo(2);
    assertThat(first.getTotalResults()).isGreaterThanOrEqualTo(4);
    assertThat(second.getResources())
        .extracting(UserResource::getId)
        .doesNotContainAnyElementsOf(
            first.getResources().stream().map(UserResource::getId).toList());
  }

  @Test
  void badRequestsGetAScimErrorWithItsType() throws Exception {
    assertScimError(
        () -> scim.search("Users", "userName co \"a\"", UserResource.class), 400, "invalidFilter");
    assertScimError(
        () -> scim.search("Users", "nickName eq \"a\"", UserResource.class), 400, "invalidFilter");
    assertScimError(
        () -> scim.search("Users", "userName eq", UserResource.class), 400, "invalidFilter");

    String email = unique("odd");
    HttpResponse<String> unknownAttribute =
        send(
            "POST",
            "/Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + email
                + "\",\"displayName\":\"Odd\",\"favouriteColour\":\"green\"}");
    assertThat(unknownAttribute.statusCode()).isEqualTo(400);
    assertThat(unknownAttribute.body()).contains("favouriteColour").contains("invalidSyntax");
    assertThat(directory.findPersonByEmail(email)).as("nothing saved").isEmpty();

    HttpResponse<String> notAnEmail =
        send(
            "POST",
            "/Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"not-an-address\",\"displayName\":\"Odd\"}");
    assertThat(notAnEmail.statusCode()).isEqualTo(400);
    assertThat(notAnEmail.body()).contains("invalidValue").contains("e-mail address");

    HttpResponse<String> broken = send("POST", "/Users", "{not json");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/scim+json");
  }

  @Test
  void onlyATokenWithTheScimPermissionGetsIn() throws Exception {
    HttpResponse<String> anonymous =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/Users")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");

    token = BatonIntegrationTest.ADMIN_TOKEN; // the admin's own token has no scim permission
    HttpResponse<String> admin = send("GET", "/Users", null);
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(admin.body()).contains("permission scim");
  }

  @Test
  void groupsAreTeamsWithPeopleAndSubTeamsAsMembers() throws Exception {
    UserResource ann = scim.create("Users", user(unique("ann"), "Ann Group", ""));
    UserResource bob = scim.create("Users", user(unique("bob"), "Bob Group", ""));
    GroupResource parent =
        scim.create(
            "Groups",
            new GroupResource()
                .setDisplayName("SCIM Parent " + UUID.randomUUID())
                .setMembers(List.of(new Member().setValue(ann.getId()))));
    Person annInBaton = directory.findPerson(Long.parseLong(ann.getId())).orElseThrow();
    assertThat(annInBaton.teamName()).isEqualTo(parent.getDisplayName());

    GroupResource child =
        scim.create(
            "Groups", new GroupResource().setDisplayName("SCIM Child " + UUID.randomUUID()));
    scim.modifyRequest("Groups", parent.getId())
        .addValues("members", new Member().setValue(child.getId()).setType("Group"))
        .invoke(GroupResource.class);
    assertThat(directory.team(number(child.getId())).parentId()).isEqualTo(number(parent.getId()));

    // In one request: Bob into the child, then the parent below its own child. The second is a
    // cycle: refused, and Bob is not moved either.
    HttpResponse<String> cycle =
        send(
            "PATCH",
            "/Groups/" + child.getId(),
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + bob.getId()
                + "\"}]},"
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + parent.getId()
                + "\",\"type\":\"Group\"}]}]}");
    assertThat(cycle.statusCode()).isEqualTo(400);
    assertThat(cycle.body()).contains("invalidValue").contains("below itself");
    assertThat(directory.findPerson(Long.parseLong(bob.getId())).orElseThrow().teamId())
        .as("nothing half-saved")
        .isNull();

    // Entra ID's removal: path "members" with the members as the value, "Remove" capitalised.
    HttpResponse<String> removal =
        send(
            "PATCH",
            "/Groups/" + parent.getId(),
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + ann.getId()
                + "\"}]}]}");
    assertThat(removal.statusCode()).isEqualTo(200);
    assertThat(directory.findPerson(Long.parseLong(ann.getId())).orElseThrow().teamId()).isNull();

    // The standard form, with a value filter.
    scim.modifyRequest("Groups", parent.getId())
        .addValues("members", new Member().setValue(bob.getId()))
        .invoke(GroupResource.class);
    scim.modifyRequest("Groups", parent.getId())
        .removeValues("members[value eq \"" + bob.getId() + "\"]")
        .invoke(GroupResource.class);
    assertThat(directory.findPerson(Long.parseLong(bob.getId())).orElseThrow().teamId()).isNull();

    assertThat(
            scim.search(
                    "Groups",
                    "displayName eq \"" + parent.getDisplayName() + "\"",
                    GroupResource.class)
                .getResources())
        .extracting(GroupResource::getId)
        .containsExactly(parent.getId());

    scim.delete("Groups", parent.getId());
    assertThat(directory.team(number(parent.getId())).active()).isFalse();
    assertThat(directory.team(number(child.getId())).parentId()).isNull();
  }

  private void assertScimError(ThrowingCall call, int status, String scimType) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ScimException.class,
            e -> {
              assertThat(e.getScimError().getStatus()).isEqualTo(status);
              assertThat(e.getScimError().getScimType()).isEqualTo(scimType);
            });
  }

  interface ThrowingCall {
    void run() throws Exception;
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/scim+json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://localhost:" + port + "/scim/v2";
  }

  private static long number(String groupId) {
    return Long.parseLong(groupId.substring("team-".length()));
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static UserResource user(String email, String name, String title) {
    UserResource user = new UserResource().setUserName(email);
    user.setName(new Name().setFormatted(name));
    user.setDisplayName(name);
    user.setEmails(List.of(new Email().setValue(email).setType("work").setPrimary(true)));
    if (!title.isEmpty()) {
      user.setTitle(title);
    }
    user.setActive(true);
    return user;
  }
}
