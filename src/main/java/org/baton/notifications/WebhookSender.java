package org.baton.notifications;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.baton.notifications.WebhookOutboxStore.Claimed;
import org.baton.notifications.WebhookOutboxStore.Target;
import org.baton.platform.BatonProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what waits in the webhook outbox. Each endpoint has at most {@code
 * baton.webhooks.per-endpoint} deliveries under way, each with a timeout, so a receiver that hangs
 * holds up only itself. A delivery is taken with a lease (another server, or this one after a
 * crash, takes it again once the lease is over), sent with its fixed webhook-id and body and a
 * fresh signature, and its outcome written at once: 2xx delivered; 410 Gone disables the endpoint
 * (what waits stays, for when an admin enables it again); anything else is retried with exponential
 * back-off and jitter until its retry time (about three days) is over.
 *
 * <p>Outcomes are committed without waiting for the disk flush ({@code synchronous_commit off}):
 * PostgreSQL still writes them, even if Baton is killed; only a crash of the database server itself
 * could lose the last few, which are then sent again with the same webhook-id.
 */
@Component
class WebhookSender implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  private final WebhookOutboxStore store;
  private final Clock clock;
  private final BatonProperties.Webhooks settings;
  private final WebhookAddressPolicy addresses;
  private final Webhooks webhooks;
  private final TransactionTemplate transactions;
  private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Object wake = new Object();
  // made at each start: a stopped sender (a server shutting down, a test context paused while
  // another runs) has closed them, and a start after that must not send into closed ones
  private volatile ExecutorService outcomes;
  private volatile CloseableHttpAsyncClient http;
  private volatile boolean running;
  private Thread loop;

  WebhookSender(
      WebhookOutboxStore store,
      Clock clock,
      BatonProperties properties,
      Webhooks webhooks,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.clock = clock;
    this.settings = properties.webhooks();
    this.webhooks = webhooks;
    this.addresses = webhooks.addresses();
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void start() {
    outcomes =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread = new Thread(runnable, "webhook-outcomes");
              thread.setDaemon(true);
              return thread;
            });
    http = WebhookHttpClient.create(settings.timeout(), addresses);
    running = true;
    loop = new Thread(this::run, "webhook-sender");
    loop.setDaemon(true);
    loop.start();
  }

  @Override
  public void stop() {
    running = false;
    signal();
    try {
      loop.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    outcomes.shutdown();
    http.close(CloseMode.GRACEFUL);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Look for due deliveries now rather than at the next poll. */
  void signal() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void run() {
    while (running) {
      try {
        int started = round();
        if (started == 0) {
          synchronized (wake) {
            wake.wait(settings.poll().toMillis());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("The webhook sender failed a round: {}", e.getMessage());
        sleepQuietly();
      }
    }
  }

  /** Starts as many due deliveries as each endpoint has room for; returns how many. */
  int round() {
    Instant now = clock.instant();
    List<Target> targets = store.due(now);
    int started = 0;
    for (Target target : targets) {
      AtomicInteger busy = inFlight.computeIfAbsent(target.id(), id -> new AtomicInteger());
      int free = settings.perEndpoint() - busy.get();
      if (free <= 0) {
        continue;
      }
      for (Claimed delivery : claim(target.id(), free, now)) {
        busy.incrementAndGet();
        send(target, delivery, busy);
        started++;
      }
    }
    return started;
  }

  private List<Claimed> claim(long endpointId, int max, Instant now) {
    Instant lease = now.plus(settings.timeout()).plusSeconds(30);
    return transactions.execute(
        status -> {
          store.relaxedCommit();
          return store.claim(endpointId, max, now, lease);
        });
  }

  private void send(Target target, Claimed delivery, AtomicInteger busy) {
    long started = System.nanoTime();
    Optional<String> refused = addresses.refusal(target.url());
    if (refused.isPresent()) {
      outcomes.execute(() -> finish(target, delivery, busy, started, null, refused.get()));
      return;
    }
    Instant now = clock.instant();
    List<String> secrets = new ArrayList<>();
    secrets.add(target.secret());
    if (target.previousSecret() != null
        && target.previousUntil() != null
        && target.previousUntil().isAfter(now)) {
      secrets.add(target.previousSecret());
    }
    long timestamp = now.getEpochSecond();
    SimpleHttpRequest request =
        SimpleRequestBuilder.post(target.url())
            .addHeader("User-Agent", "Baton-Webhooks/1")
            .addHeader("webhook-id", delivery.messageId())
            .addHeader("webhook-timestamp", Long.toString(timestamp))
            .addHeader(
                "webhook-signature",
                WebhookSignature.header(
                    secrets, delivery.messageId(), timestamp, delivery.payload()))
            .setBody(delivery.payload(), ContentType.APPLICATION_JSON)
            .build();
    http.execute(
        request,
        new FutureCallback<SimpleHttpResponse>() {
          @Override
          public void completed(SimpleHttpResponse response) {
            outcomes.execute(
                () -> finish(target, delivery, busy, started, response.getCode(), null));
          }

          @Override
          public void failed(Exception error) {
            outcomes.execute(() -> finish(target, delivery, busy, started, null, describe(error)));
          }

          @Override
          public void cancelled() {
            outcomes.execute(
                () -> finish(target, delivery, busy, started, null, "The delivery was cancelled."));
          }
        });
  }

  private void finish(
      Target target,
      Claimed delivery,
      AtomicInteger busy,
      long started,
      Integer status,
      String error) {
    try {
      int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
      transactions.executeWithoutResult(
          tx -> {
            store.relaxedCommit();
            record(target, delivery, status, error, millis);
          });
    } catch (RuntimeException e) {
      // the lease runs out and the delivery is tried again
      log.warn("Could not record webhook delivery {}: {}", delivery.id(), e.getMessage());
    } finally {
      busy.decrementAndGet();
      signal();
    }
  }

  private void record(Target target, Claimed delivery, Integer status, String error, int millis) {
    Instant now = clock.instant();
    store.attempted(delivery.id(), now, status, truncate(error), millis);
    if (status != null && status >= 200 && status < 300) {
      store.delivered(delivery.id(), now, status);
      return;
    }
    String why = error != null ? error : "The receiver answered " + status + ".";
    if (status != null && status == 410) {
      webhooks.disable(
          target.id(), "The receiver answered 410 Gone: it no longer wants deliveries.");
    }
    Duration wait = backoff(delivery.attempts());
    boolean giveUp = now.plus(wait).isAfter(delivery.retryUntil());
    store.notDelivered(
        delivery.id(),
        status,
        truncate(why),
        now.plus(wait),
        giveUp && (status == null || status != 410) ? now : null);
  }

  /** 30 s, 1 min, 2 min, ... up to 12 h, each between half and one and a half times that. */
  static Duration backoff(int attempts) {
    long base = 30L << Math.min(Math.max(attempts - 1, 0), 11);
    long capped = Math.min(base, Duration.ofHours(12).toSeconds());
    double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) (capped * 1000 * jitter));
  }

  private static String describe(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    if (cause instanceof UnknownHostException refused && refused.getMessage() != null) {
      return refused.getMessage(); // the address policy's reason, or the host that was not found
    }
    String kind =
        cause instanceof java.net.SocketTimeoutException
                || cause instanceof java.util.concurrent.TimeoutException
            ? "No answer in time"
            : cause.getClass().getSimpleName();
    return kind + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
