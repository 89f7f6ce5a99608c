-- Written (and committed) before a meeting is created on a vendor platform, so that a retried job
-- looks for the meeting it may have created already instead of creating a second one.
CREATE TABLE meeting_intent (
    intent_key   VARCHAR(200) PRIMARY KEY,
    session_id   UUID         NOT NULL,
    platform     VARCHAR(40)  NOT NULL,
    host_user    VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
