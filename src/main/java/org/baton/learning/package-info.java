/**
 * Learning: blameless learning reviews of decisions, initiatives and advice requests, their
 * actions, and the library that finds them. Who may see and do what is {@link
 * org.baton.learning.LearningPermissions}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Learning",
    allowedDependencies = {
      "platform",
      "directory",
      "identity",
      "authority",
      "decisions",
      "initiatives",
      "advice"
    })
package org.baton.learning;
