package io.videocallsupport.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The task authorizations Camunda grants per task (to its assignee, candidate users and candidate
 * groups). Camunda never removes them when a candidate is removed or the assignee changes, so
 * whoever narrows a task's audience revokes them here. Callers run without authorization checks.
 */
@Component
public class TaskGrants {

  private final AuthorizationService authorizations;

  TaskGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Removes the task's grants to the group and (when not null) to the user. */
  public void revoke(String taskId, String groupId, String userId) {
    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    if (userId != null) {
      authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
          .authorizationType(Authorization.AUTH_TYPE_GRANT).userIdIn(userId).list()
          .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
  }
}
