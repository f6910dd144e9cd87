package org.baton.provisioning;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.ServerErrorException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.net.URI;
import java.util.Locale;
import org.baton.identity.BatonUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM 2.0's HTTP side (RFC 7644): resources in and out as {@code application/scim+json}, errors as
 * SCIM error responses with a {@code scimType}.
 */
@RestController
@RequestMapping("/scim/v2")
class ScimController {

  private static final Logger log = LoggerFactory.getLogger(ScimController.class);
  private static final MediaType SCIM = MediaType.parseMediaType(ScimJson.MEDIA_TYPE);

  private final ScimUsers users;
  private final ScimGroups groups;
  private final ScimDiscovery discovery;
  private final ScimPermissions permissions;

  ScimController(
      ScimUsers users, ScimGroups groups, ScimDiscovery discovery, ScimPermissions permissions) {
    this.users = users;
    this.groups = groups;
    this.discovery = discovery;
    this.permissions = permissions;
  }

  @GetMapping("/ServiceProviderConfig")
  ResponseEntity<String> serviceProviderConfig(@AuthenticationPrincipal BatonUser me)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(discovery.serviceProviderConfig());
  }

  @GetMapping("/ResourceTypes")
  ResponseEntity<String> resourceTypes(@AuthenticationPrincipal BatonUser me) throws ScimException {
    permissions.requireProvisioner(me);
    return ok(discovery.resourceTypes());
  }

  @GetMapping("/ResourceTypes/{id}")
  ResponseEntity<String> resourceType(
      @AuthenticationPrincipal BatonUser me, @PathVariable String id) throws ScimException {
    permissions.requireProvisioner(me);
    return ok(discovery.resourceType(id));
  }

  @GetMapping("/Schemas")
  ResponseEntity<String> schemas(@AuthenticationPrincipal BatonUser me) throws ScimException {
    permissions.requireProvisioner(me);
    return ok(discovery.schemas());
  }

  @GetMapping("/Schemas/{id}")
  ResponseEntity<String> schema(@AuthenticationPrincipal BatonUser me, @PathVariable String id)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(discovery.schema(id));
  }

  @GetMapping("/Users")
  ResponseEntity<String> users(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) String filter,
      @RequestParam(defaultValue = "1") String startIndex,
      @RequestParam(defaultValue = "100") String count)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(users.list(filter, number(startIndex, 1), number(count, 100)));
  }

  @PostMapping("/Users")
  ResponseEntity<String> createUser(
      @AuthenticationPrincipal BatonUser me, @RequestBody(required = false) String body)
      throws ScimException {
    permissions.requireProvisioner(me);
    return created(users.create(ScimJson.object(body)));
  }

  @GetMapping("/Users/{id}")
  ResponseEntity<String> user(@AuthenticationPrincipal BatonUser me, @PathVariable String id)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(users.get(id));
  }

  @PutMapping("/Users/{id}")
  ResponseEntity<String> replaceUser(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable String id,
      @RequestBody(required = false) String body)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(users.replace(id, ScimJson.object(body)));
  }

  @PatchMapping("/Users/{id}")
  ResponseEntity<String> patchUser(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable String id,
      @RequestBody(required = false) String body)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(users.patch(id, ScimJson.object(body)));
  }

  @DeleteMapping("/Users/{id}")
  ResponseEntity<Void> deleteUser(@AuthenticationPrincipal BatonUser me, @PathVariable String id)
      throws ScimException {
    permissions.requireProvisioner(me);
    users.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/Groups")
  ResponseEntity<String> groups(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) String filter,
      @RequestParam(defaultValue = "1") String startIndex,
      @RequestParam(defaultValue = "100") String count,
      @RequestParam(required = false) String excludedAttributes)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(
        groups.list(
            filter, number(startIndex, 1), number(count, 100), withMembers(excludedAttributes)));
  }

  @PostMapping("/Groups")
  ResponseEntity<String> createGroup(
      @AuthenticationPrincipal BatonUser me, @RequestBody(required = false) String body)
      throws ScimException {
    permissions.requireProvisioner(me);
    return created(groups.create(ScimJson.object(body)));
  }

  @GetMapping("/Groups/{id}")
  ResponseEntity<String> group(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable String id,
      @RequestParam(required = false) String excludedAttributes)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(groups.get(id, withMembers(excludedAttributes)));
  }

  @PutMapping("/Groups/{id}")
  ResponseEntity<String> replaceGroup(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable String id,
      @RequestBody(required = false) String body)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(groups.replace(id, ScimJson.object(body)));
  }

  @PatchMapping("/Groups/{id}")
  ResponseEntity<String> patchGroup(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable String id,
      @RequestParam(required = false) String excludedAttributes,
      @RequestBody(required = false) String body)
      throws ScimException {
    permissions.requireProvisioner(me);
    return ok(groups.patch(id, ScimJson.object(body), withMembers(excludedAttributes)));
  }

  @DeleteMapping("/Groups/{id}")
  ResponseEntity<Void> deleteGroup(@AuthenticationPrincipal BatonUser me, @PathVariable String id)
      throws ScimException {
    permissions.requireProvisioner(me);
    groups.delete(id);
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(ScimException.class)
  ResponseEntity<String> refused(ScimException e) {
    return error(e.getScimError());
  }

  /** Anything unforeseen is still a SCIM error, without the details a client has no use for. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<String> failed(RuntimeException e) {
    log.error("SCIM request failed", e);
    return error(new ServerErrorException("Baton could not complete the request.").getScimError());
  }

  static ResponseEntity<String> error(ErrorResponse error) {
    return ResponseEntity.status(error.getStatus())
        .contentType(SCIM)
        .body(ScimJson.write(JsonUtils.valueToNode(error)));
  }

  private static ResponseEntity<String> ok(JsonNode resource) {
    return ResponseEntity.ok().contentType(SCIM).body(ScimJson.write(resource));
  }

  private static ResponseEntity<String> created(ObjectNode resource) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create(resource.path("meta").path("location").asString()))
        .contentType(SCIM)
        .body(ScimJson.write(resource));
  }

  private static boolean withMembers(String excludedAttributes) {
    return excludedAttributes == null
        || !excludedAttributes.toLowerCase(Locale.ROOT).contains("members");
  }

  /** startIndex and count; SCIM says a bad one is treated as the default, not refused. */
  private static int number(String value, int otherwise) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
