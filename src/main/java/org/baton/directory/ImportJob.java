package org.baton.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One import as it runs, for the progress bar. Written by the import thread, read by the page that
 * polls it; every field is published as a whole.
 */
public final class ImportJob {

  public enum Phase {
    CHECKING,
    WRITING,
    DONE,
    REFUSED,
    FAILED
  }

  private final UUID id = UUID.randomUUID();
  private final String fileName;
  private final Instant startedAt = Instant.now();
  private volatile Phase phase = Phase.CHECKING;
  private volatile int total;
  private volatile int written;
  private volatile List<ImportProblem> problems = List.of();
  private volatile ImportStore.Summary summary;
  private volatile Instant finishedAt;

  ImportJob(String fileName) {
    this.fileName = fileName;
  }

  public UUID id() {
    return id;
  }

  public String fileName() {
    return fileName;
  }

  public Phase phase() {
    return phase;
  }

  public boolean finished() {
    return phase == Phase.DONE || phase == Phase.REFUSED || phase == Phase.FAILED;
  }

  public int total() {
    return total;
  }

  public int written() {
    return written;
  }

  public int percent() {
    if (phase == Phase.DONE) {
      return 100;
    }
    return total == 0 ? 0 : Math.min(99, written * 100 / total);
  }

  public List<ImportProblem> problems() {
    return problems;
  }

  public int peopleCreated() {
    return summary == null ? 0 : summary.peopleCreated();
  }

  public int peopleUpdated() {
    return summary == null ? 0 : summary.peopleUpdated();
  }

  public int teamsCreated() {
    return summary == null ? 0 : summary.teamsCreated();
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  void writing(int total) {
    this.total = total;
    this.phase = Phase.WRITING;
  }

  void progress(int written) {
    this.written = written;
  }

  void done(ImportStore.Summary summary) {
    this.summary = summary;
    this.written = total;
    this.finishedAt = Instant.now();
    this.phase = Phase.DONE;
  }

  void refused(List<ImportProblem> problems) {
    this.problems = List.copyOf(problems);
    this.finishedAt = Instant.now();
    this.phase = Phase.REFUSED;
  }

  void failed(String message) {
    this.problems = List.of(new ImportProblem(0, "", message));
    this.finishedAt = Instant.now();
    this.phase = Phase.FAILED;
  }
}
