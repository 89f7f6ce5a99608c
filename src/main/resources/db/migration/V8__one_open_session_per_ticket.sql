-- One open session per ticket, enforced by the database on every start path. A session holds its
-- ticket in open_ticket_id from registration until it ends (NO_VIDEO, DECLINED, COMPLETED) or its
-- process no longer runs; the unique constraint lets any number of ended sessions (NULL) share a
-- ticket. A plain column rather than a partial index, which H2 does not have.
ALTER TABLE video_session ADD COLUMN open_ticket_id VARCHAR(100);

-- Sessions that are open now hold their ticket. Where earlier duplicate starts left several open
-- sessions on one ticket, the oldest holds it; the others run to their end without a hold.
UPDATE video_session SET open_ticket_id = ticket_id
WHERE state NOT IN ('NO_VIDEO', 'DECLINED', 'COMPLETED')
  AND NOT EXISTS (
    SELECT 1 FROM video_session earlier
    WHERE earlier.ticket_id = video_session.ticket_id
      AND earlier.state NOT IN ('NO_VIDEO', 'DECLINED', 'COMPLETED')
      AND (earlier.created_at < video_session.created_at
        OR (earlier.created_at = video_session.created_at AND earlier.id < video_session.id)));

ALTER TABLE video_session ADD CONSTRAINT ux_video_session_open_ticket UNIQUE (open_ticket_id);
