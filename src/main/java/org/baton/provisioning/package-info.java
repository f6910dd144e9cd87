/**
 * Provisioning: identity providers keep the directory in step with theirs through SCIM 2.0 (RFC
 * 7643/7644) at {@code /scim/v2}: users are people, groups are teams. Only a token with the {@code
 * scim} permission may call it (see {@link org.baton.provisioning.ScimPermissions}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Provisioning",
    allowedDependencies = {"platform", "directory", "identity"})
package org.baton.provisioning;
