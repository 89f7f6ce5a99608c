package io.videocallsupport.security;

import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups the application knows, one per role. */
public final class Roles {

  /** Work sessions in Tasklist and start them. */
  public static final String AGENTS = "agents";
  /** Everything agents do, plus escalated calls, feedback reviews and overdue erasures. */
  public static final String TEAM_LEADS = "team-leads";
  /** Read Cockpit, history and analytics; change nothing. */
  public static final String MANAGERS = "managers";
  /** Camunda's administrators group. */
  public static final String ADMINS = Groups.CAMUNDA_ADMIN;

  private Roles() {
  }
}
