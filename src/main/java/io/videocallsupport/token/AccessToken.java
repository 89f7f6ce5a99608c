package io.videocallsupport.token;

import java.time.OffsetDateTime;
import java.util.UUID;

public record AccessToken(UUID id, TokenPurpose purpose, UUID sessionId, String subjectRef, OffsetDateTime expiresAt,
                          OffsetDateTime usedAt) {
}
