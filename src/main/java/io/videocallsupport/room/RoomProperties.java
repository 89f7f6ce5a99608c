package io.videocallsupport.room;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the built-in room ({@code vcs.room.*}).
 *
 * @param iceServers          comma-separated STUN/TURN URLs, e.g. {@code stun:stun.example.com:3478,turn:turn.example.com:3478};
 *                            empty: direct connections only (same network, or tests on loopback)
 * @param turnUsername        static TURN user name (used with {@code turnCredential})
 * @param turnCredential      static TURN password
 * @param turnSecret          shared secret of a TURN server's REST API (coturn {@code use-auth-secret}); when set,
 *                            every participant gets short-lived credentials instead of the static ones
 * @param turnCredentialTtl   how long such credentials last
 * @param maxParticipants     the agent plus up to five more (DESIGN: at most 6 in a call)
 * @param maxRecordingSize    the largest recording upload accepted
 * @param heartbeatTimeout    a participant silent for this long counts as dropped
 */
@ConfigurationProperties("vcs.room")
public record RoomProperties(
    @DefaultValue("") String iceServers,
    @DefaultValue("") String turnUsername,
    @DefaultValue("") String turnCredential,
    @DefaultValue("") String turnSecret,
    @DefaultValue("PT12H") Duration turnCredentialTtl,
    @DefaultValue("6") int maxParticipants,
    @DefaultValue("500MB") DataSize maxRecordingSize,
    @DefaultValue("PT30S") Duration heartbeatTimeout) {
}
