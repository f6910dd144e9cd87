/**
 * Shared strategy: the direction everyone sees (vision, mission, values, trade-offs, priorities
 * with measurable goals, in versions), key figures with their confidentiality, and strategic
 * dialogue rounds in which every contribution gets an answer. Who may see and do what is {@link
 * org.baton.strategy.StrategyPermissions}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Strategy",
    allowedDependencies = {"platform", "directory", "identity", "authority"})
package org.baton.strategy;
