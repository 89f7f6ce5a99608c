package io.videocallsupport.helpdesk;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a help desk knows about a ticket: its subject, the requester (contact details, zone and
 * language), the organisation and its tier field, tags, and the conversation so far.
 *
 * @param publicMessages the ticket's public messages (the customer's first message included)
 * @param lastMessageAt  when the latest message (public or private) was written; null if unknown
 * @param tags           the ticket's, the requester's and the organisation's tags together
 * @param tierValue      the organisation's tier field, as the help desk spells it
 */
public record TicketFacts(String ticketId, String subject, String requesterName, String requesterEmail,
                          String requesterPhone, String timeZone, String locale, String organisation,
                          String tierValue, List<String> tags, Integer publicMessages, Integer messages,
                          OffsetDateTime lastMessageAt) {

  public TicketFacts {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** Public replies after the customer's first message: the text exchanges before video was considered. */
  public Integer publicReplies() {
    return publicMessages == null ? null : Math.max(0, publicMessages - 1);
  }
}
