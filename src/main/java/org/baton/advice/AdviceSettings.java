package org.baton.advice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The advice module's settings, from {@code baton.advice.*} (or {@code BATON_ADVICE_*}).
 *
 * @param reminderInterval how often Baton looks for panel members to remind of a deadline
 * @param reminderInitialDelay how long after a start it first looks
 */
@ConfigurationProperties("baton.advice")
public record AdviceSettings(
    @DefaultValue("PT5M") Duration reminderInterval,
    @DefaultValue("PT1M") Duration reminderInitialDelay) {}
