package org.baton.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.baton.platform.BatonProperties;
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

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(BatonProperties properties) throws IOException {
    return new EmbeddedPostgresLauncher(properties).start();
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
    EmbeddedPostgresLauncher.createDatabaseIfMissing(postgres, DATABASE);
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("baton");
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(12);
    // One round trip for a batch of inserts (imports, appends to the decision chain).
    dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
    return dataSource;
  }

  static class NoExternalDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
