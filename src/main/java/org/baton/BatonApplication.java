package org.baton;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Baton: infrastructure for distributed leadership. One deployable, one package per capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class BatonApplication {

  public static void main(String[] args) {
    SpringApplication.run(BatonApplication.class, args);
  }
}
