package org.baton.provisioning;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.SchemaUtils;
import java.beans.IntrospectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.platform.BatonProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a SCIM client asks first: what this server supports (PATCH and filters yes; bulk, sorting,
 * ETags and password changes no), its resource types, and their schemas.
 */
@Component
class ScimDiscovery {

  private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:";

  private final String base;
  private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
  private final Map<String, ObjectNode> resourceTypes = new LinkedHashMap<>();

  ScimDiscovery(BatonProperties properties) throws IntrospectionException {
    this.base = properties.baseUrl() + "/scim/v2";
    for (Class<?> type :
        List.of(UserResource.class, EnterpriseUserExtension.class, GroupResource.class)) {
      ObjectNode schema = JsonUtils.valueToNode(SchemaUtils.getSchema(type));
      String id = schema.path("id").asString();
      schema.set("meta", ScimJson.meta("Schema", base + "/Schemas/" + id));
      schemas.put(id, schema);
    }
    resourceTypes.put("User", resourceType("User", "/Users", ScimUsers.SCHEMA, true));
    resourceTypes.put("Group", resourceType("Group", "/Groups", ScimGroups.SCHEMA, false));
  }

  ObjectNode serviceProviderConfig() {
    ObjectNode config = ScimJson.nodes().objectNode();
    config.putArray("schemas").add(CORE + "ServiceProviderConfig");
    config.put("documentationUri", base.replace("/scim/v2", "/api/docs"));
    config.putObject("patch").put("supported", true);
    config
        .putObject("bulk")
        .put("supported", false)
        .put("maxOperations", 0)
        .put("maxPayloadSize", 0);
    config.putObject("filter").put("supported", true).put("maxResults", ScimUsers.MAX_COUNT);
    config.putObject("changePassword").put("supported", false);
    config.putObject("sort").put("supported", false);
    config.putObject("etag").put("supported", false);
    config
        .putArray("authenticationSchemes")
        .addObject()
        .put("type", "oauthbearertoken")
        .put("name", "Bearer token")
        .put(
            "description",
            "A Baton API token with the permission scim, created by an admin:"
                + " POST /api/v1/me/tokens {\"name\": …, \"permissions\": [\"scim\"]}.")
        .put("primary", true);
    config.set("meta", ScimJson.meta("ServiceProviderConfig", base + "/ServiceProviderConfig"));
    return config;
  }

  ObjectNode resourceTypes() {
    return ScimJson.listResponse(List.copyOf(resourceTypes.values()), resourceTypes.size(), 1);
  }

  ObjectNode resourceType(String name) throws ResourceNotFoundException {
    ObjectNode type = resourceTypes.get(name);
    if (type == null) {
      throw new ResourceNotFoundException("No resource type " + name + ".");
    }
    return type;
  }

  ObjectNode schemas() {
    return ScimJson.listResponse(List.copyOf(schemas.values()), schemas.size(), 1);
  }

  ObjectNode schema(String id) throws ResourceNotFoundException {
    ObjectNode schema = schemas.get(id);
    if (schema == null) {
      throw new ResourceNotFoundException("No schema " + id + ".");
    }
    return schema;
  }

  private ObjectNode resourceType(
      String name, String endpoint, String schema, boolean enterpriseExtension) {
    ObjectNode type = ScimJson.nodes().objectNode();
    type.putArray("schemas").add(CORE + "ResourceType");
    type.put("id", name);
    type.put("name", name);
    type.put("endpoint", endpoint);
    type.put("schema", schema);
    if (enterpriseExtension) {
      type.putArray("schemaExtensions")
          .addObject()
          .put("schema", ScimUsers.ENTERPRISE)
          .put("required", false);
    }
    type.set("meta", ScimJson.meta("ResourceType", base + "/ResourceTypes/" + name));
    return type;
  }
}
