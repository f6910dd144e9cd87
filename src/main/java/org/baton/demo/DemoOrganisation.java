package org.baton.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.baton.directory.Directory;
import org.baton.directory.ImportJob;
import org.baton.directory.PeopleImport;
import org.baton.directory.Person;
import org.baton.identity.Accounts;
import org.baton.platform.BatonProperties;
import org.baton.platform.PageOf;
import org.baton.platform.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Creates the demo organisation of {@code demo/demo-organisation.csv} on a first start with an
 * empty directory. Every demo person signs in with their e-mail and {@link #PASSWORD}.
 */
@Component
@Order(10)
class DemoOrganisation implements ApplicationRunner {

  static final String PASSWORD = "baton-demo";
  private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

  private final BatonProperties properties;
  private final Directory directory;
  private final PeopleImport peopleImport;
  private final Accounts accounts;

  DemoOrganisation(
      BatonProperties properties,
      Directory directory,
      PeopleImport peopleImport,
      Accounts accounts) {
    this.properties = properties;
    this.directory = directory;
    this.peopleImport = peopleImport;
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo() || directory.countActivePeople() > 0) {
      return;
    }
    SystemTask.runAsAdmin(
        () -> {
          ImportJob job = peopleImport.run("demo-organisation.csv", csv());
          if (job.phase() != ImportJob.Phase.DONE) {
            throw new IllegalStateException("The demo organisation is invalid: " + job.problems());
          }
          PageOf<Person> people = directory.searchPeople("", 0, PageOf.MAX_SIZE);
          List<Long> ids = people.items().stream().map(Person::id).toList();
          accounts.grantSignIn(ids, PASSWORD);
          log.info(
              "Created the demo organisation: {} people in {} teams; they sign in with their"
                  + " e-mail and the password '{}'.",
              job.peopleCreated(),
              job.teamsCreated(),
              PASSWORD);
          return null;
        });
  }

  private static byte[] csv() {
    try (InputStream in = new ClassPathResource("demo/demo-organisation.csv").getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
