package org.baton.decisions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the decision chain. The chain is one line, so appends are serialised on its head row,
 * and each append would otherwise wait for its own disk flush while holding that lock. One writer
 * thread instead takes every append that is waiting and commits them together: one lock, one flush,
 * many decisions (application-level group commit). A caller returns only after its batch has
 * committed, so a decision it was told is recorded survives a crash.
 */
@Component
class ChainWriter implements DisposableBean {

  static final int MAX_BATCH = 200;
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(ChainWriter.class);

  /**
   * An entry waiting to be appended, and what must commit with it (e.g. marking the request it
   * answers as approved); if that fails, this entry alone is left out.
   */
  private record Pending(
      Decision entry, Consumer<Decision> withIt, CompletableFuture<Decision> done) {}

  private final DecisionRepository repository;
  private final TransactionTemplate transactions;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
  private final Thread writer;
  private volatile boolean running = true;

  /** The head as this writer last wrote it; null when it must be read again. */
  private volatile DecisionRepository.Head head;

  ChainWriter(DecisionRepository repository, PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.transactions = new TransactionTemplate(transactionManager);
    this.writer = new Thread(this::run, "decision-chain-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Appends the entry and waits until it is committed; returns it with id, seq and hash. */
  Decision append(Decision entry, Consumer<Decision> withIt) {
    if (!running) {
      throw new IllegalStateException("The decision record is shutting down.");
    }
    // The writer commits in its own transaction; a caller holding locks in one of its own could
    // block the writer while waiting for it. Writes that must commit with the decision go in
    // withIt instead.
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Append decisions outside of a transaction; pass companion writes as withIt.");
    }
    Pending pending = new Pending(entry, withIt, new CompletableFuture<>());
    try {
      if (!queue.offer(pending, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("The decision record is overloaded; try again.");
      }
      return pending.done().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while recording", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Recording took too long; it may or may not be recorded.", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void run() {
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("The decision chain writer failed", e);
      }
    }
  }

  /** Commits the batch in one transaction; if that fails, each entry gets its own. */
  private void write(List<Pending> batch) {
    List<Decision> written;
    try {
      written =
          batch.stream().allMatch(pending -> pending.withIt() == null)
              ? appendPlain(batch)
              : transactions.execute(status -> appendAll(batch, status));
    } catch (RuntimeException batchFailed) {
      head = null;
      if (batch.size() == 1) {
        batch.get(0).done().completeExceptionally(batchFailed);
      } else {
        batch.forEach(pending -> write(List.of(pending)));
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Decision decision = written.get(i);
      if (decision != null) {
        batch.get(i).done().complete(decision);
      }
    }
  }

  /**
   * Appends entries with no companion writes in one statement, committed on its own: the entries go
   * in only if the head is still the one this writer last wrote (compare and set). Another server
   * may have appended meanwhile; then the head is read again and the batch placed anew, and after
   * five lost races the batch is appended under the head's row lock, so that it always completes.
   */
  private List<Decision> appendPlain(List<Pending> batch) {
    for (int attempt = 0; attempt < 5; attempt++) {
      DecisionRepository.Head from = head != null ? head : repository.readHead();
      List<Decision> placed = new ArrayList<>();
      DecisionRepository.Head to = from;
      for (Pending pending : batch) {
        long seq = to.seq() + 1;
        Decision entry = pending.entry().chained(0, seq, to.hash(), "");
        String hash = DecisionChain.hash(to.hash(), DecisionChain.content(entry));
        placed.add(entry.chained(0, seq, to.hash(), hash));
        to = new DecisionRepository.Head(seq, hash);
      }
      java.util.Optional<List<Long>> ids = repository.appendIfHeadIs(from, placed, to);
      if (ids.isPresent()) {
        head = to;
        List<Decision> written = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
          Decision d = placed.get(i);
          written.add(d.chained(ids.get().get(i), d.seq(), d.prevHash(), d.hash()));
        }
        return written;
      }
      head = null; // someone else appended: read the head again
    }
    // Other servers keep winning the race: take the head's row lock, which cannot starve, for this
    // batch alone; the lock is held only for the append itself.
    return transactions.execute(status -> appendAll(batch, status));
  }

  /**
   * Places every entry in the chain and inserts them. Entries without a companion write go in one
   * multi-row insert that also moves the head; one with a companion gets a savepoint, so that if
   * its companion fails, it alone is left out.
   */
  private List<Decision> appendAll(List<Pending> batch, TransactionStatus status) {
    DecisionRepository.Locked locked = repository.lockHeadAndTakeIds(batch.size());
    DecisionRepository.Head head = locked.head();
    List<Long> ids = locked.ids();
    List<Decision> written = new ArrayList<>();
    List<Decision> unflushed = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Pending pending = batch.get(i);
      long seq = head.seq() + 1;
      Decision placed = pending.entry().chained(ids.get(i), seq, head.hash(), "");
      String hash = DecisionChain.hash(head.hash(), DecisionChain.content(placed));
      placed = placed.chained(ids.get(i), seq, head.hash(), hash);
      if (pending.withIt() == null) {
        unflushed.add(placed);
        written.add(placed);
        head = new DecisionRepository.Head(seq, hash);
        continue;
      }
      repository.insertAll(unflushed);
      unflushed.clear();
      Object savepoint = status.createSavepoint();
      try {
        repository.insertAll(List.of(placed));
        pending.withIt().accept(placed);
        status.releaseSavepoint(savepoint);
        written.add(placed);
        head = new DecisionRepository.Head(seq, hash);
      } catch (RuntimeException e) {
        status.rollbackToSavepoint(savepoint);
        pending.done().completeExceptionally(e);
        written.add(null);
      }
    }
    repository.insertAndMoveHead(unflushed, head);
    this.head = head;
    return written;
  }

  @Override
  public void destroy() throws InterruptedException {
    running = false;
    writer.join(WAIT.toMillis());
  }
}
