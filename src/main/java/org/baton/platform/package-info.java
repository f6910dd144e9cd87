/**
 * What every module needs and nothing more: configuration, the embedded database, web layout and
 * error handling. Its root package is the public face; {@code db} and {@code web} are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.baton.platform;
