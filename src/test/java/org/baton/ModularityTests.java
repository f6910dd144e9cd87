package org.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(BatonApplication.class);

  @Test
  void modulesOnlyUseEachOthersPublicTypesAndDeclaredDependencies() {
    assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
        .containsExactlyInAnyOrder(
            "platform",
            "directory",
            "identity",
            "provisioning",
            "authority",
            "decisions",
            "initiatives",
            "advice",
            "learning",
            "strategy",
            "roles",
            "growth",
            "polls",
            "insights",
            "notifications",
            "demo");
    modules.verify();
  }

  @Test
  void writesTheModuleDiagramForTheArchitectureDocs() {
    String folder = "target/spring-modulith-docs";
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder))
        .writeModulesAsPlantUml();
    assertThat(Path.of(folder, "components.puml"))
        .content()
        .contains("\"Directory\"", "\"Identity\"", "Rel(");
  }
}
