package org.baton.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.baton.platform.BatonProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts Baton's own PostgreSQL when no external one is configured with {@code
 * spring.datasource.url}. Boot's data source auto-configuration backs off because this one exists;
 * Flyway then migrates it like any other.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

  static final String DATABASE = "baton";

  /** The running database and the passwords it was started with. */
  record Started(EmbeddedPostgres postgres, EmbeddedCredentials credentials)
      implements AutoCloseable {
    String jdbcUrl() {
      return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
      postgres.close();
    }
  }

  @Bean(destroyMethod = "close")
  Started embeddedDatabase(BatonProperties properties) throws IOException, SQLException {
    EmbeddedPostgresLauncher launcher = new EmbeddedPostgresLauncher(properties);
    EmbeddedPostgres postgres = launcher.start();
    try {
      EmbeddedPostgresLauncher.createDatabaseIfMissing(postgres, DATABASE);
    } catch (SQLException e) {
      postgres.close();
      throw e;
    }
    return new Started(postgres, launcher.credentials());
  }

  /** The application connects as {@code baton_app}, which owns no table. */
  @Bean
  DataSource dataSource(Started database) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("baton");
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setUsername(EmbeddedCredentials.APP);
    dataSource.setPassword(database.credentials().appPassword());
    dataSource.setMaximumPoolSize(12);
    // One round trip for a batch of inserts (imports, appends to the decision chain).
    dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
    return dataSource;
  }

  /** Migrations run as the owner, which then grants the application's role what it needs. */
  @Bean
  FlywayConfigurationCustomizer migrateAsOwner(Started database) {
    return configuration ->
        configuration.dataSource(
            database.jdbcUrl(), EmbeddedCredentials.OWNER, database.credentials().ownerPassword());
  }

  static class NoExternalDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
