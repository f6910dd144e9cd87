package org.baton;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Baton server on the shared test database, for what needs a server configured unlike the
 * shared one (SMTP, single sign-on, the PostgreSQL live bus): no demo of its own, the test admin's
 * password, and these extra properties ({@code --name=value}).
 */
public final class OtherServer {

  private OtherServer() {}

  public static ConfigurableApplicationContext start(DataSource shared, String... properties) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + ((HikariDataSource) shared).getJdbcUrl(),
                "--spring.datasource.username=baton_app",
                "--spring.datasource.password=" + DatabaseOwner.password("app-password"),
                "--server.port=0",
                // its own home, and the shared one's witness: servers on one database must share
                // the witness directory (a stale one of its own, from an earlier run's database,
                // would say the record was rewritten)
                "--baton.home=target/test-home-other",
                "--baton.witness.directory="
                    + java.nio.file.Path.of("target/test-home/witness").toAbsolutePath(),
                "--baton.demo=false",
                "--baton.admin-password=" + BatonIntegrationTest.ADMIN_PASSWORD,
                "--baton.advice.reminder-initial-delay=PT24H",
                "--logging.level.root=WARN"));
    for (String property : properties) {
      // a property given twice on the command line would be joined, "0,8080": the later one wins
      String name = property.substring(0, property.indexOf('=') + 1);
      arguments.removeIf(argument -> argument.startsWith(name));
      arguments.add(property);
    }
    return SpringApplication.run(BatonApplication.class, arguments.toArray(String[]::new));
  }

  public static int port(ConfigurableApplicationContext server) {
    return ((WebServerApplicationContext) server).getWebServer().getPort();
  }
}
