package org.baton;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document is a contract: every API response an integration test receives through
 * MockMvc is checked against the document the application serves (status listed, content type
 * listed, body matching the schema). A response that breaks it fails the test that made the call,
 * naming the operation and what is wrong.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApiContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Bean
  Check apiContractCheck(Environment environment) {
    return new Check(environment);
  }

  @Bean
  MockMvcBuilderCustomizer everyApiResponseMatchesTheDocument(Check check) {
    return builder -> builder.alwaysDo(check);
  }

  /** Checks one response against the document; loads the document on first use. */
  public static final class Check implements ResultHandler {

    private final Environment environment;
    private volatile OpenApiInteractionValidator validator;

    Check(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void handle(MvcResult result) throws Exception {
      MockHttpServletRequest request = result.getRequest();
      String path = request.getRequestURI();
      if (!path.startsWith("/api/v1/")) {
        return;
      }
      List<String> problems = problems(request.getMethod(), path, result.getResponse());
      if (!problems.isEmpty()) {
        throw new AssertionError(
            request.getMethod()
                + " "
                + path
                + " answered "
                + result.getResponse().getStatus()
                + " against the OpenAPI document:\n  "
                + String.join("\n  ", problems)
                + "\nbody: "
                + abbreviated(result.getResponse().getContentAsString()));
      }
    }

    /** What is wrong with this response according to the document; empty if nothing. */
    public List<String> problems(String method, String path, MockHttpServletResponse response)
        throws Exception {
      SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.getStatus());
      for (String header : response.getHeaderNames()) {
        answer.withHeader(header, response.getHeaders(header));
      }
      String body = response.getContentAsString();
      if (!body.isEmpty()) {
        answer.withBody(body);
      }
      ValidationReport report =
          validator().validateResponse(path, Request.Method.valueOf(method), answer.build());
      return report.getMessages().stream()
          .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
          .map(message -> message.getKey() + ": " + message.getMessage())
          .toList();
    }

    private OpenApiInteractionValidator validator() throws Exception {
      if (validator == null) {
        synchronized (this) {
          if (validator == null) {
            validator =
                OpenApiInteractionValidator.createForInlineApiSpecification(
                        nullableReferencesInlined(document()))
                    .build();
          }
        }
      }
      return validator;
    }

    private String document() throws Exception {
      String port = environment.getRequiredProperty("local.server.port");
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/api/docs/openapi.json"))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }

    /**
     * The document says "this object, or null" the OpenAPI 3.0 way, {@code allOf: [$ref], nullable:
     * true}, which the validator's JSON Schema engine reads as "never null". For the validator
     * only, such a property becomes a copy of the schema it names, marked nullable: the same
     * meaning in a form it checks.
     */
    private static String nullableReferencesInlined(String document) {
      ObjectNode api = (ObjectNode) JSON.readTree(document);
      JsonNode schemas = api.path("components").path("schemas");
      inline(api, schemas);
      return JSON.writeValueAsString(api);
    }

    private static void inline(JsonNode node, JsonNode schemas) {
      if (node instanceof ObjectNode object) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
          JsonNode value = field.getValue();
          if (value.path("nullable").asBoolean(false)
              && value.path("allOf").size() == 1
              && value.path("allOf").get(0).has("$ref")) {
            String ref = value.path("allOf").get(0).get("$ref").asString();
            ObjectNode copy =
                (ObjectNode) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy();
            copy.put("nullable", true);
            object.set(field.getKey(), copy);
          } else {
            inline(value, schemas);
          }
        }
      } else if (node instanceof ArrayNode array) {
        array.forEach(item -> inline(item, schemas));
      }
    }

    private static String abbreviated(String body) {
      return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
  }
}
