/**
 * Roles people choose: circles (a team or a cross-team programme) and their roles, who holds each
 * role (authority rules may name a role as their holder, so authority moves with it), open roles
 * and applications stating passion, knowledge, network and time, a conversation between the
 * circle's lead and the applicant, and what people can give. Who may see and do what is {@link
 * org.baton.roles.RolesPermissions}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Roles",
    allowedDependencies = {"platform", "directory", "identity", "authority"})
package org.baton.roles;
