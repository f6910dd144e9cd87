package org.baton.provisioning;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing SCIM's JSON with the SCIM SDK's own mapper. */
final class ScimJson {

  static final String MEDIA_TYPE = "application/scim+json";
  static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private ScimJson() {}

  static JsonNodeFactory nodes() {
    return JsonUtils.getJsonNodeFactory();
  }

  static ObjectNode object(String body) throws BadRequestException {
    try {
      JsonNode node = JsonUtils.getObjectReader().readTree(body == null ? "" : body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JacksonException e) {
      throw BadRequestException.invalidSyntax("The body is not JSON: " + e.getOriginalMessage());
    }
    throw BadRequestException.invalidSyntax("The body must be a JSON object.");
  }

  /**
   * Refuses attributes the schema does not define (a misspelt one would otherwise be dropped in
   * silence); keys of extension schemas the resource names in {@code schemas} are allowed.
   */
  static void onlyKnownAttributes(ObjectNode resource, Set<String> known)
      throws BadRequestException {
    Set<String> extensions = new java.util.HashSet<>();
    resource.path("schemas").forEach(schema -> extensions.add(schema.asString("")));
    for (String name : resource.propertyNames()) {
      if (!known.contains(name.toLowerCase(Locale.ROOT)) && !extensions.contains(name)) {
        throw BadRequestException.invalidSyntax("Unknown attribute '" + name + "'.");
      }
    }
  }

  /** A text attribute, case-insensitively named as SCIM attribute names are. */
  static String text(ObjectNode resource, String name) throws BadRequestException {
    JsonNode value = attribute(resource, name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw BadRequestException.invalidValue("'" + name + "' must be a string.");
    }
    return value.asString();
  }

  static JsonNode attribute(ObjectNode resource, String name) {
    for (String key : resource.propertyNames()) {
      if (key.equalsIgnoreCase(name)) {
        return resource.get(key);
      }
    }
    return null;
  }

  /** A boolean, also as the strings "True"/"False" some providers send. */
  static Boolean bool(ObjectNode resource, String name) throws BadRequestException {
    JsonNode value = attribute(resource, name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isString()) {
      String text = value.asString().strip().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Boolean.valueOf(text);
      }
    }
    throw BadRequestException.invalidValue("'" + name + "' must be true or false.");
  }

  static ObjectNode listResponse(List<ObjectNode> resources, long total, long startIndex) {
    ObjectNode list = nodes().objectNode();
    list.putArray("schemas").add(LIST_RESPONSE);
    list.put("totalResults", total);
    list.put("startIndex", startIndex);
    list.put("itemsPerPage", resources.size());
    ArrayNode items = list.putArray("Resources");
    resources.forEach(items::add);
    return list;
  }

  static ObjectNode meta(String resourceType, String location) {
    ObjectNode meta = nodes().objectNode();
    meta.put("resourceType", resourceType);
    meta.put("location", location);
    return meta;
  }

  static String write(JsonNode node) {
    return JsonUtils.getObjectWriter().writeValueAsString(node);
  }

  static ScimException conflict(String detail) {
    return ResourceConflictException.uniqueness(detail);
  }
}
