package org.baton.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.baton.platform.BatonProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ExternalDatabaseTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(EmbeddedPostgresConfiguration.class, Properties.class);

  @Test
  void withADatasourceUrlBatonStartsNoDatabaseOfItsOwn() {
    runner
        .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.internal:5432/baton")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
              assertThat(context).doesNotHaveBean(javax.sql.DataSource.class);
            });
  }

  @EnableConfigurationProperties(BatonProperties.class)
  static class Properties {}
}
