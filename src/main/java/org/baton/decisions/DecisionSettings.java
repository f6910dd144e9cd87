package org.baton.decisions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The decisions module's settings, from {@code baton.decisions.*} (or {@code BATON_DECISIONS_*}).
 *
 * @param followPoll how often the record's followers (growth, insights, webhooks) look for new
 *     entries
 */
@ConfigurationProperties("baton.decisions")
public record DecisionSettings(@DefaultValue("PT0.5S") Duration followPoll) {}
