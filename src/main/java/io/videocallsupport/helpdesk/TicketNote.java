package io.videocallsupport.helpdesk;

import java.time.OffsetDateTime;
import java.util.UUID;

public record TicketNote(UUID id, String ticketId, UUID sessionId, String author, String body,
                         OffsetDateTime createdAt) {
}
