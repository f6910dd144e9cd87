/**
 * Group choices that end in an accountable decision: a poll put to an audience (consent to a
 * proposal, a choice among options, scores, a ranking, a meeting time), votes changed until the
 * close, results live, and the outcome recorded by the poll's author through the decision record,
 * carrying the poll's count. docs/POLLS.md tells the whole story.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Polls",
    allowedDependencies = {"platform", "directory", "identity", "authority", "decisions"})
package org.baton.polls;
