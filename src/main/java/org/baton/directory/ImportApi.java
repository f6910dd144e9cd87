package org.baton.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Import", description = "People and teams from a CSV file")
class ImportApi {

  @Schema(name = "PeopleImportResult")
  record ImportResult(int peopleCreated, int peopleUpdated, int teamsCreated) {}

  private final PeopleImport peopleImport;

  ImportApi(PeopleImport peopleImport) {
    this.peopleImport = peopleImport;
  }

  /**
   * Imports the CSV sent as the body (text/csv). All rows are checked first; if any is wrong,
   * nothing is imported and the answer is a 422 problem listing each problem by line and column.
   */
  @PostMapping(consumes = {"text/csv", "application/octet-stream"})
  @Operation(summary = "Import people and teams from CSV (admins); all or nothing")
  @RequestBody(content = @Content(mediaType = "text/csv"))
  @ApiResponse(
      responseCode = "200",
      description = "Everything imported",
      content = @Content(schema = @Schema(implementation = ImportResult.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The file is larger than 10 MB; nothing imported",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  ResponseEntity<?> importCsv(InputStream body) throws IOException {
    byte[] csv = body.readNBytes(PeopleImport.MAX_BYTES + 1);
    if (csv.length > PeopleImport.MAX_BYTES) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.CONTENT_TOO_LARGE, PeopleImport.TOO_LARGE));
    }
    ImportJob job = peopleImport.run("api.csv", csv);
    if (job.phase() == ImportJob.Phase.DONE) {
      return ResponseEntity.ok(
          new ImportResult(job.peopleCreated(), job.peopleUpdated(), job.teamsCreated()));
    }
    HttpStatus status =
        job.phase() == ImportJob.Phase.FAILED
            ? HttpStatus.INTERNAL_SERVER_ERROR
            : HttpStatus.UNPROCESSABLE_CONTENT;
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status, "Nothing was imported: the file has " + job.problems().size() + " problem(s).");
    problem.setType(URI.create("https://baton.example/problems/import"));
    problem.setTitle("The import file is invalid");
    List<Map<String, Object>> errors =
        job.problems().stream()
            .map(
                p ->
                    Map.<String, Object>of(
                        "line", p.line(), "column", p.column(), "message", p.message()))
            .toList();
    problem.setProperty("errors", errors);
    return ResponseEntity.status(status).body(problem);
  }
}
