package org.baton.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pages' styles and scripts are served to anyone, cached for an hour; nothing else is. */
@BatonIntegrationTest
class StaticResourcesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired org.baton.identity.Accounts accounts;

  @Test
  void stylesScriptsAndWebJarsWithoutVersionsAreServedAndCached() throws Exception {
    for (String path :
        new String[] {
          "/css/baton.css",
          "/js/baton.js",
          "/webjars/htmx.org/dist/htmx.min.js",
          "/webjars/htmx-ext-sse/sse.js",
          "/webjars/chart.js/dist/chart.umd.min.js"
        }) {
      mvc.perform(get(path))
          .andExpect(status().isOk())
          .andExpect(header().string("Cache-Control", "max-age=3600"));
    }
  }

  @Test
  void aFileOutsideThoseFoldersIsNotServedEvenToSomeoneSignedIn() throws Exception {
    var olivia = accounts.loadUserByUsername("olivia@example.com");
    for (String path : new String[] {"/application.properties", "/static/css/baton.css"}) {
      mvc.perform(
              get(path)
                  .with(
                      org.springframework.security.test.web.servlet.request
                          .SecurityMockMvcRequestPostProcessors.user(olivia)))
          .andExpect(status().isNotFound());
    }
  }
}
