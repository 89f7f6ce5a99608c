-- Real transports (issue 4): why a message was refused for good, the attachments an email carried
-- (so that an agent can re-send the same content), and the lookup of provider status callbacks.
ALTER TABLE outbox_message ADD COLUMN failure_reason VARCHAR(30);
ALTER TABLE outbox_message ADD COLUMN attachments VARCHAR;
CREATE INDEX ix_outbox_provider_message ON outbox_message (provider_message_id);
