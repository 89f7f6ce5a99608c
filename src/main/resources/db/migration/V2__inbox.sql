-- Inbound events (webhooks, status callbacks) are stored here first, verified and deduplicated,
-- and answered at once; a worker hands them to the processes, also when they arrive early.
CREATE TABLE inbox_event (
    id               UUID PRIMARY KEY,
    source           VARCHAR(30)  NOT NULL,
    dedupe_key       VARCHAR(300) NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    payload          VARCHAR      NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_note        VARCHAR(2000),
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at     TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ux_inbox_dedupe ON inbox_event (source, dedupe_key);
CREATE INDEX ix_inbox_due ON inbox_event (status, next_attempt_at);
