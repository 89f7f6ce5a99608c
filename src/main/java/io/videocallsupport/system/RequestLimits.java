package io.videocallsupport.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies the application takes ({@code vcs.limits.*}); a larger one is answered
 * 413 before it is read whole ({@link RequestBodyLimitFilter}).
 *
 * @param webhookBody    Zoom's and Twilio's webhooks and status callbacks ({@code /webhooks/**}); the largest
 *                       real one, Zoom's {@code recording.completed} with many recording files, is a few
 *                       dozen KB
 * @param apiBody        the application's JSON API ({@code /api/**}): a session start is about 2 KB
 * @param engineRestBody the engine REST API ({@code /engine-rest/**}), which also takes deployments
 */
@ConfigurationProperties("vcs.limits")
public record RequestLimits(
    @DefaultValue("256KB") DataSize webhookBody,
    @DefaultValue("64KB") DataSize apiBody,
    @DefaultValue("10MB") DataSize engineRestBody) {
}
