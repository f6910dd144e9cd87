package org.baton;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real port with its embedded PostgreSQL and the demo organisation.
 * Every test class with this annotation shares one application context, hence one database, and
 * every API response its MockMvc receives, or its real port answers, is checked against the OpenAPI
 * document ({@link ApiContract}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ApiContract.class, TestClock.class})
@org.junit.jupiter.api.extension.ExtendWith(ApiContract.Violations.class)
@ActiveProfiles("test")
public @interface BatonIntegrationTest {
  String ADMIN_TOKEN = "test-admin-token-0123456789";
  String ADMIN_PASSWORD = "test-admin-password";
  String DEMO_PASSWORD = "baton-demo";
}
