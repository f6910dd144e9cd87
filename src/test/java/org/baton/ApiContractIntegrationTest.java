package org.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as a contract a generated client can rely on: every operation says what it
 * does and which errors it answers, as problem details.
 */
@BatonIntegrationTest
class ApiContractIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired ApiContract.Check check;

  @Test
  void everyOperationHasASummaryAndListsItsErrorsAsProblemDetails() throws Exception {
    String text =
        mvc.perform(MockMvcRequestBuilders.get("/api/docs/openapi.json"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Files.writeString(Path.of("target/openapi.json"), text);
    JsonNode api = JsonMapper.builder().build().readTree(text);
    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        operations++;
        String name = operation.getKey().toUpperCase() + " " + path.getKey();
        JsonNode it = operation.getValue();
        if (it.path("summary").asString("").isBlank()) {
          missing.add(name + ": no summary");
        }
        for (String status : List.of("400", "401", "403")) {
          if (it.path("responses")
              .path(status)
              .path("content")
              .path("application/problem+json")
              .isMissingNode()) {
            missing.add(name + ": no " + status + " problem detail");
          }
        }
        if (it.has("requestBody")
            && it.path("responses")
                .path("422")
                .path("content")
                .path("application/problem+json")
                .isMissingNode()) {
          missing.add(name + ": no 422 problem detail");
        }
        if (path.getKey().contains("{")
            && it.path("responses")
                .path("404")
                .path("content")
                .path("application/problem+json")
                .isMissingNode()) {
          missing.add(name + ": no 404 problem detail");
        }
      }
    }
    assertThat(operations).isGreaterThan(50);
    assertThat(missing).isEmpty();
  }

  /** The check every integration test's API calls go through is one that can fail. */
  @Test
  void theContractCheckRefusesANullWhereAValueIsPromisedAndAnUnlistedStatus() throws Exception {
    MockHttpServletResponse nullName = json(200, "{\"id\": 1, \"name\": null}");
    assertThat(check.problems("GET", "/api/v1/teams/1", nullName))
        .anyMatch(problem -> problem.contains("/name") && problem.contains("null"));

    MockHttpServletResponse teapot = json(418, "{}");
    assertThat(check.problems("GET", "/api/v1/teams/1", teapot))
        .anyMatch(problem -> problem.contains("418"));

    MockHttpServletResponse noLeader =
        json(
            200,
            "{\"id\": 1, \"name\": \"Counter\", \"parentId\": null, \"leaderId\": null,"
                + " \"leaderName\": null, \"active\": true}");
    assertThat(check.problems("GET", "/api/v1/teams/1", noLeader)).isEmpty();
  }

  private static MockHttpServletResponse json(int status, String body) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write(body);
    response.flushBuffer();
    return response;
  }
}
