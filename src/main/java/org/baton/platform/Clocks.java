package org.baton.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every time rule reads (silence, reminders, deadlines, previews, throttling), so
 * that tests move time instead of waiting for it. A test configuration may supply its own. It
 * honours {@link Backdating}, with which the demo writes history.
 */
@Configuration(proxyBeanMethods = false)
class Clocks {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Backdating.honouredBy(Clock.systemUTC());
  }
}
