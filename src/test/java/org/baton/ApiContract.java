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

  /**
   * The same check for calls that reach the real port (browsers, HTTP clients): a filter ahead of
   * every other keeps what it finds, and {@link Violations} fails the test that made the call.
   * MockMvc's calls are left to {@link Check#handle}; event streams are left alone.
   */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter>
      everyApiAnswerOnTheRealPortMatchesTheDocument(Check check) {
    jakarta.servlet.Filter filter =
        (servletRequest, servletResponse, chain) -> {
          jakarta.servlet.http.HttpServletRequest request =
              (jakarta.servlet.http.HttpServletRequest) servletRequest;
          String accept = request.getHeader("Accept");
          if (request instanceof MockHttpServletRequest
              || !request.getRequestURI().startsWith("/api/v1/")
              || request.getRequestURI().endsWith("/stream")
              || (accept != null && accept.contains("text/event-stream"))) {
            chain.doFilter(servletRequest, servletResponse);
            return;
          }
          var cached =
              new org.springframework.web.util.ContentCachingResponseWrapper(
                  (jakarta.servlet.http.HttpServletResponse) servletResponse);
          chain.doFilter(servletRequest, cached);
          MockHttpServletResponse copy = new MockHttpServletResponse();
          copy.setStatus(cached.getStatus());
          for (String header : cached.getHeaderNames()) {
            for (String value : cached.getHeaders(header)) {
              copy.addHeader(header, value);
            }
          }
          if (cached.getContentType() != null) {
            copy.setContentType(cached.getContentType());
          }
          copy.getOutputStream().write(cached.getContentAsByteArray());
          try {
            List<String> problems =
                check.problems(request.getMethod(), request.getRequestURI(), copy);
            if (!problems.isEmpty()) {
              check.found(
                  request.getMethod()
                      + " "
                      + request.getRequestURI()
                      + " answered "
                      + cached.getStatus()
                      + " on the real port: "
                      + String.join("; ", problems));
            }
          } catch (Exception e) {
            check.found(request.getRequestURI() + " could not be checked: " + e);
          } finally {
            cached.copyBodyToResponse();
          }
        };
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Fails a test after it ran if any call it made on the real port answered outside the document
   * (added to every {@code @BatonIntegrationTest}).
   */
  public static final class Violations
      implements org.junit.jupiter.api.extension.AfterEachCallback {
    @Override
    public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
      Check check =
          org.springframework.test.context.junit.jupiter.SpringExtension.getApplicationContext(
                  context)
              .getBean(Check.class);
      List<String> found = check.takeFound();
      if (!found.isEmpty()) {
        throw new AssertionError(
            "API answers outside the OpenAPI document:\n  " + String.join("\n  ", found));
      }
    }
  }

  /** Checks one response against the document; loads the document on first use. */
  public static final class Check implements ResultHandler {

    private final Environment environment;
    private volatile OpenApiInteractionValidator validator;
    private final List<String> found = new java.util.concurrent.CopyOnWriteArrayList<>();

    void found(String violation) {
      found.add(violation);
    }

    /** What the real port's answers broke since the last call, now forgotten. */
    List<String> takeFound() {
      List<String> taken = List.copyOf(found);
      found.clear();
      return taken;
    }

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
