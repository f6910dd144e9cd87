package org.baton.platform.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A refused form shown again leaves the address it was sent to in the browser: reloading it (a GET
 * of a POST-only address) leads to the page the form lives on, not to "something went wrong".
 */
@BatonIntegrationTest
class FormAddressReloadIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;

  private UserDetails admin() {
    return accounts.loadUserByUsername("admin");
  }

  @Test
  void aReloadedFormAddressLeadsToItsPage() throws Exception {
    // a new person: the form is at /admin/people/new
    mvc.perform(get("/admin/people").with(user(admin())))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/people/new"));
    // an answer sent from a suggestion's page: the page above it
    mvc.perform(get("/authority/growth-suggestions/1/decline").with(user(admin())))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/authority/growth-suggestions/1"));
  }

  @Test
  void anotherMethodStillSaysTheMethodIsNotAllowed() throws Exception {
    mvc.perform(put("/admin/people").with(user(admin())).with(csrf()))
        .andExpect(status().isMethodNotAllowed());
  }
}
