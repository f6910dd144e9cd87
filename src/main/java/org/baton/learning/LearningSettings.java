package org.baton.learning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The learning module's settings, from {@code baton.learning.*} (or {@code BATON_LEARNING_*}).
 *
 * @param reminderInterval how often Baton looks for review actions due tomorrow to remind of
 * @param reminderInitialDelay how long after a start it first looks
 */
@ConfigurationProperties("baton.learning")
public record LearningSettings(
    @DefaultValue("PT15M") Duration reminderInterval,
    @DefaultValue("PT1M") Duration reminderInitialDelay) {}
