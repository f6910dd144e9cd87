/**
 * People, teams (a tree) and perspectives; people search; CSV import. Other modules see people and
 * teams through {@link org.baton.directory.Directory}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Directory",
    allowedDependencies = {"platform"})
package org.baton.directory;
