package org.baton.polls;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reminds those who have not voted when a poll closes soon, and closes the polls whose time is up,
 * every {@code baton.polls.close-sweep}, so that their audience hears it and the author is asked to
 * record the outcome. A poll counts as closed at its time even before the sweep: votes after it are
 * refused.
 */
@Component
class PollClosing implements SchedulingConfigurer {

  private final Polls polls;
  private final PollSettings settings;

  PollClosing(Polls polls, PollSettings settings) {
    this.polls = polls;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            () -> polls.closeDue(100), settings.closeSweep(), settings.closeSweep()));
  }
}
