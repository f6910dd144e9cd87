package org.baton.directory;

/**
 * The admin's team form; the leader is named by e-mail, since a select of every person won't do.
 */
class TeamForm {

  private String name = "";
  private Long parentId;
  private String leaderEmail = "";

  static TeamForm of(Team team, Person leader) {
    TeamForm form = new TeamForm();
    form.name = team.name();
    form.parentId = team.parentId();
    form.leaderEmail = leader == null ? "" : leader.email();
    return form;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getParentId() {
    return parentId;
  }

  public void setParentId(Long parentId) {
    this.parentId = parentId;
  }

  public String getLeaderEmail() {
    return leaderEmail;
  }

  public void setLeaderEmail(String leaderEmail) {
    this.leaderEmail = leaderEmail;
  }
}
