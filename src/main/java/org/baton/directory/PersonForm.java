package org.baton.directory;

import java.util.ArrayList;
import java.util.List;

/** The admin's person form, as bound from the request. */
class PersonForm {

  private String email = "";
  private String name = "";
  private String title = "";
  private Long teamId;
  private String location = "";
  private String phone = "";
  private List<String> perspectives = new ArrayList<>();

  static PersonForm of(Person person) {
    PersonForm form = new PersonForm();
    form.email = person.email();
    form.name = person.name();
    form.title = person.title();
    form.teamId = person.teamId();
    form.location = person.location();
    form.phone = person.phone();
    form.perspectives = new ArrayList<>(person.perspectiveCodes());
    return form;
  }

  PersonDraft draft() {
    return new PersonDraft(email, name, title, teamId, location, phone, perspectives);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long teamId) {
    this.teamId = teamId;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public List<String> getPerspectives() {
    return perspectives;
  }

  public void setPerspectives(List<String> perspectives) {
    this.perspectives = perspectives == null ? new ArrayList<>() : perspectives;
  }
}
