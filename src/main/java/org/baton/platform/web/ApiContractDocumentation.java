package org.baton.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the OpenAPI document a contract a generated client can rely on, in two ways.
 *
 * <ul>
 *   <li><b>Errors</b>: every operation lists the problem details it may answer (RFC 9457, as {@link
 *       ApiExceptionHandler} writes them): 400 for unreadable JSON or a parameter of the wrong
 *       kind, 401 without a valid token, 403 when the person or the token may not, 404 when the
 *       path names something, 422 when a value is refused.
 *   <li><b>Values that are always there</b>: in the schemas only responses use, every property not
 *       marked {@code nullable} is {@code required}. A property that may be empty says so with
 *       {@code @Schema(nullable = true)} on the record component; the integration tests check every
 *       response against this (a {@code null} where the document promises a value fails them).
 *       Schemas that requests use stay without {@code required}: a field left out of a request
 *       means its default.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiContractDocumentation {

  static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String REF = "#/components/schemas/";

  @Bean
  OpenApiCustomizer problemDetailsAndRequiredValues() {
    return api -> {
      addProblemSchema(api);
      api.getPaths().forEach(this::listErrors);
      requireResponseValues(api);
    };
  }

  /**
   * OpenAPI 3.0 ignores anything beside a {@code $ref}, so a nullable property that names another
   * schema says so by wrapping the reference: {@code allOf: [$ref], nullable: true}.
   */
  @Bean
  PropertyCustomizer nullableReferences() {
    return (property, type) -> {
      boolean nullable =
          type.getCtxAnnotations() != null
              && Arrays.stream(type.getCtxAnnotations())
                  .anyMatch(
                      a ->
                          a instanceof io.swagger.v3.oas.annotations.media.Schema schema
                              && schema.nullable());
      if (!nullable || property == null || property.get$ref() == null) {
        return property;
      }
      Schema<Object> wrapped =
          new ComposedSchema().addAllOfItem(new Schema<>().$ref(property.get$ref()));
      wrapped.setNullable(true);
      return wrapped;
    };
  }

  private static void addProblemSchema(OpenAPI api) {
    Schema<?> fieldError =
        new ObjectSchema()
            .addProperty("field", new StringSchema().description("e.g. rules[2].limit"))
            .addProperty("line", new IntegerSchema().description("in an imported file"))
            .addProperty("column", new StringSchema().description("in an imported file"))
            .addProperty("message", new StringSchema())
            .required(List.of("message"));
    Schema<?> problem =
        new ObjectSchema()
            .description("An RFC 9457 problem detail")
            .addProperty("type", new StringSchema().format("uri"))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            // the path that was called, relative to Baton's address: a reference, not a full URI
            .addProperty("instance", new StringSchema().format("uri-reference"))
            .addProperty(
                "errors",
                new ArraySchema()
                    .items(fieldError)
                    .description("The invalid fields, for 400 and 422 answers about fields"))
            .required(List.of("title", "status"));
    api.getComponents().addSchemas(PROBLEM, problem);
  }

  private void listErrors(String path, PathItem item) {
    for (Operation operation : item.readOperations()) {
      ApiResponses responses = operation.getResponses();
      // A change without a body can still be refused for the state it finds (published already)
      boolean changes = operation != item.getGet();
      putIfAbsent(responses, "400", "Unreadable JSON, or a parameter or field of the wrong kind");
      putIfAbsent(responses, "401", "No valid token (or session)");
      putIfAbsent(
          responses, "403", "The person may not do this, or the token lacks the permission");
      if (path.contains("{")) {
        putIfAbsent(responses, "404", "Nothing with this id, or nothing the caller may see");
      }
      boolean takesInput =
          operation.getRequestBody() != null
              || (operation.getParameters() != null
                  && operation.getParameters().stream().anyMatch(p -> !"path".equals(p.getIn())));
      if (operation.getRequestBody() != null) {
        putIfAbsent(responses, "415", "The body is not of a content type this operation reads");
      }
      if (answersOnlyOtherThanJson(responses)) {
        // an event stream, a calendar, a CSV file: asked for as JSON, it cannot be given
        putIfAbsent(responses, "406", "The Accept header does not admit what this answers with");
      }
      if (takesInput || changes || path.startsWith("/api/v1/me/")) {
        // what is one's own (preferences, tokens, agenda) is refused to an account that is no
        // person with the same 422 as a refused value: "Sign in as yourself", on the field person
        putIfAbsent(
            responses,
            "422",
            "A value is refused, or the caller is no person; errors name each field");
      }
    }
  }

  private static boolean answersOnlyOtherThanJson(ApiResponses responses) {
    ApiResponse ok = responses.get("200");
    return ok != null
        && ok.getContent() != null
        && !ok.getContent().isEmpty()
        && ok.getContent().keySet().stream().noneMatch(type -> type.contains("json"));
  }

  private static void putIfAbsent(ApiResponses responses, String status, String description) {
    if (responses.containsKey(status)) {
      return;
    }
    responses.addApiResponse(
        status,
        new ApiResponse()
            .description(description)
            .content(
                new Content()
                    .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(REF + PROBLEM)))));
  }

  private static void requireResponseValues(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Set<String> inRequests = new HashSet<>();
    for (PathItem item : api.getPaths().values()) {
      for (Operation operation : item.readOperations()) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
          for (MediaType type : operation.getRequestBody().getContent().values()) {
            collect(type.getSchema(), schemas, inRequests);
          }
        }
      }
    }
    for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
      Schema<?> schema = entry.getValue();
      if (inRequests.contains(entry.getKey())
          || PROBLEM.equals(entry.getKey())
          || schema.getProperties() == null) {
        continue;
      }
      List<String> required = new ArrayList<>();
      for (Map.Entry<String, Schema> property :
          new LinkedHashMap<String, Schema>(schema.getProperties()).entrySet()) {
        if (!Boolean.TRUE.equals(property.getValue().getNullable())) {
          required.add(property.getKey());
        }
      }
      schema.setRequired(required.isEmpty() ? null : required);
    }
  }

  /** Every component schema a schema names, directly or through its properties and items. */
  private static void collect(Schema<?> schema, Map<String, Schema> schemas, Set<String> seen) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      if (seen.add(name)) {
        collect(schemas.get(name), schemas, seen);
      }
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> collect(p, schemas, seen));
    }
    collect(schema.getItems(), schemas, seen);
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      collect(values, schemas, seen);
    }
    if (schema.getAllOf() != null) {
      schema.getAllOf().forEach(s -> collect(s, schemas, seen));
    }
  }
}
