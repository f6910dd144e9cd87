package org.baton.polls;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The polls module's settings, from {@code baton.polls.*} (or {@code BATON_POLLS_*}).
 *
 * @param closeSweep how often Baton closes the polls whose time is up (and tells their audience)
 * @param ballotKeyFile the key anonymous votes are kept under (a one-way token per voter and poll);
 *     by default {@code polls/ballot.key} under the home, made on first use. Servers on one
 *     database must share it, as they share the witness.
 */
@ConfigurationProperties("baton.polls")
public record PollSettings(@DefaultValue("PT1M") Duration closeSweep, Path ballotKeyFile) {}
