package org.baton.identity;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Names the API in its OpenAPI document and says how to authenticate: a personal token. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Baton API",
            version = "v1",
            description =
                "Distributed leadership: people, teams, authority and decisions. Send a personal"
                    + " API token as 'Authorization: Bearer <token>'. Errors are RFC 9457"
                    + " problem details."),
    security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
class ApiDocumentation {}
