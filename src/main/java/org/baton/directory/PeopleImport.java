package org.baton.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.baton.platform.BatonProperties;
import org.baton.platform.CsvReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports people and teams from a CSV file: every row is checked first, and nothing is written if
 * any row is wrong. Uploaded files are kept under {@code BATON_HOME/uploads/imports}.
 */
@Service
public class PeopleImport implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PeopleImport.class);
  private static final Duration KEEP_FINISHED = Duration.ofHours(1);
  static final int MAX_BYTES = 10 * 1024 * 1024;
  static final String TOO_LARGE = "The file is larger than 10 MB. Split it into smaller files.";

  private final TeamRepository teams;
  private final ImportStore writer;
  private final Path uploads;
  // One import at a time: imports lock the team table anyway, and a queue is fairer than errors.
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "people-import"));
  private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();

  private final Clock clock;

  PeopleImport(TeamRepository teams, ImportStore writer, BatonProperties properties, Clock clock) {
    this.clock = clock;
    this.teams = teams;
    this.writer = writer;
    this.uploads = properties.home().resolve("uploads").resolve("imports");
  }

  /** Starts an import in the background; poll {@link #job} for its progress. */
  @PreAuthorize("hasRole('ADMIN')")
  public ImportJob start(String fileName, byte[] content) {
    forgetOldJobs();
    ImportJob job = new ImportJob(fileName == null ? "upload.csv" : fileName);
    jobs.put(job.id(), job);
    keep(job, content);
    worker.submit(() -> run(job, content));
    return job;
  }

  /** Runs an import to the end on the caller's thread (the API does this). */
  @PreAuthorize("hasRole('ADMIN')")
  public ImportJob run(String fileName, byte[] content) {
    ImportJob job = new ImportJob(fileName == null ? "upload.csv" : fileName);
    keep(job, content);
    run(job, content);
    return job;
  }

  @PreAuthorize("hasRole('ADMIN')")
  public Optional<ImportJob> job(UUID id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private void run(ImportJob job, byte[] content) {
    try {
      List<CsvReader.Record> records = CsvReader.read(content);
      ImportFilePolicy.Outcome outcome = new ImportFilePolicy(teams.all()).check(records);
      if (outcome instanceof ImportFilePolicy.Refused refused) {
        job.refused(refused.problems());
      } else if (outcome instanceof ImportFilePolicy.Accepted accepted) {
        job.writing(accepted.plan().people().size());
        job.done(writer.write(accepted.plan(), job::progress));
      }
    } catch (CsvReader.CsvException e) {
      job.refused(List.of(new ImportProblem(e.line(), "", e.getMessage())));
    } catch (RuntimeException e) {
      log.error("Import {} failed", job.id(), e);
      job.failed("The import failed on our side and nothing was imported; it has been logged.");
    }
  }

  private void keep(ImportJob job, byte[] content) {
    try {
      Files.createDirectories(uploads);
      String stamp =
          DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
              .withZone(ZoneOffset.UTC)
              .format(clock.instant());
      Files.write(uploads.resolve(stamp + "-" + job.id() + ".csv"), content);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the uploaded file under " + uploads, e);
    }
  }

  private void forgetOldJobs() {
    Instant cutoff = clock.instant().minus(KEEP_FINISHED);
    jobs.values()
        .removeIf(
            job -> job.finished() && job.finishedAt() != null && job.finishedAt().isBefore(cutoff));
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
