package io.videocallsupport.helpdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Present when {@code HELPDESK} names an outside help desk (zendesk, freshdesk) rather than the own record. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnExpression("'${vcs.helpdesk.adapter:own}' != 'own'")
public @interface ConditionalOnOutsideHelpDesk {
}
