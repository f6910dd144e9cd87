package org.baton;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The test database as its owner sees it, with the passwords Baton generated under the test home:
 * for tests that do what only the owner can (disable the record's triggers), and for second servers
 * on the same database.
 */
public final class DatabaseOwner {

  private DatabaseOwner() {}

  public static String url(DataSource application) {
    return ((HikariDataSource) application).getJdbcUrl();
  }

  public static String password(String key) {
    Properties credentials = new Properties();
    try (Reader in =
        Files.newBufferedReader(Path.of("target/test-home/postgres/credentials.properties"))) {
      credentials.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return credentials.getProperty(key);
  }

  /** One connection as the owner, committing each statement; close it when done. */
  public static SingleConnectionDataSource connect(DataSource application) {
    SingleConnectionDataSource owner =
        new SingleConnectionDataSource(
            url(application), "postgres", password("owner-password"), true);
    owner.setAutoCommit(true);
    return owner;
  }

  public static JdbcClient jdbc(SingleConnectionDataSource owner) {
    return JdbcClient.create(owner);
  }

  /** Arguments that start a second Baton on the test's database as the application's role. */
  public static String[] secondServer(DataSource application) {
    return new String[] {
      "--spring.datasource.url=" + url(application),
      "--spring.datasource.username=baton_app",
      "--spring.datasource.password=" + password("app-password")
    };
  }
}
