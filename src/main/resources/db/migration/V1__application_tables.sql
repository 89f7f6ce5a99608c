-- The application's own tables, next to Camunda's. Personal data that must be erasable lives here,
-- not in process variables. Portable SQL: runs on H2 (embedded default) and PostgreSQL.

CREATE TABLE ticket (
    ticket_id        VARCHAR(100) PRIMARY KEY,
    subject          VARCHAR(500),
    status           VARCHAR(40)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ticket_note (
    id               UUID PRIMARY KEY,
    ticket_id        VARCHAR(100) NOT NULL REFERENCES ticket (ticket_id),
    session_id       UUID,
    author           VARCHAR(100) NOT NULL,
    body             VARCHAR      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_ticket_note_ticket ON ticket_note (ticket_id, created_at);

CREATE TABLE video_session (
    id                     UUID PRIMARY KEY,
    ticket_id              VARCHAR(100) NOT NULL,
    process_instance_id    VARCHAR(64),
    state                  VARCHAR(40)  NOT NULL,
    customer_name          VARCHAR(200),
    customer_email         VARCHAR(320),
    customer_mobile        VARCHAR(32),
    customer_time_zone     VARCHAR(64)  NOT NULL,
    customer_locale        VARCHAR(16)  NOT NULL,
    jurisdiction_country   VARCHAR(2),
    jurisdiction_region    VARCHAR(10),
    issue_category         VARCHAR(40),
    agent_id               VARCHAR(100),
    platform               VARCHAR(40),
    meeting_id             VARCHAR(200),
    customer_join_url      VARCHAR(2000),
    host_join_url          VARCHAR(2000),
    scheduled_start        TIMESTAMP WITH TIME ZONE,
    expected_duration_min  INTEGER,
    customer_preparation   VARCHAR(2000),
    customer_joined_at     TIMESTAMP WITH TIME ZONE,
    call_ended_at          TIMESTAMP WITH TIME ZONE,
    consent_given          BOOLEAN,
    consent_recorded_at    TIMESTAMP WITH TIME ZONE,
    consent_notice_version VARCHAR(20),
    consent_recorded_by    VARCHAR(100),
    retention_days         INTEGER,
    call_outcome           VARCHAR(30),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_video_session_ticket ON video_session (ticket_id);
CREATE INDEX ix_video_session_process ON video_session (process_instance_id);
CREATE UNIQUE INDEX ux_video_session_meeting ON video_session (platform, meeting_id);

CREATE TABLE outbox_message (
    id                   UUID PRIMARY KEY,
    idempotency_key      VARCHAR(200) NOT NULL,
    session_id           UUID,
    channel              VARCHAR(10)  NOT NULL,
    purpose              VARCHAR(40)  NOT NULL,
    recipient            VARCHAR(320) NOT NULL,
    subject              VARCHAR(500),
    body_text            VARCHAR      NOT NULL,
    body_html            VARCHAR,
    status               VARCHAR(20)  NOT NULL,
    provider             VARCHAR(40),
    provider_message_id  VARCHAR(200),
    attempts             INTEGER      NOT NULL,
    last_error           VARCHAR(2000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_outbox_idempotency ON outbox_message (idempotency_key);
CREATE INDEX ix_outbox_session ON outbox_message (session_id, created_at);

CREATE TABLE access_token (
    id            UUID PRIMARY KEY,
    token_hash    VARCHAR(64)  NOT NULL,
    purpose       VARCHAR(30)  NOT NULL,
    session_id    UUID,
    subject_ref   VARCHAR(200),
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_access_token_hash ON access_token (token_hash);

CREATE TABLE recording (
    id                     UUID PRIMARY KEY,
    session_id             UUID         NOT NULL,
    platform               VARCHAR(40)  NOT NULL,
    platform_recording_id  VARCHAR(200) NOT NULL,
    storage_ref            VARCHAR(2000),
    transcript             VARCHAR,
    process_instance_id    VARCHAR(64),
    consent_on_record      BOOLEAN      NOT NULL,
    legal_hold             BOOLEAN      NOT NULL,
    retain_until           TIMESTAMP WITH TIME ZONE,
    state                  VARCHAR(20)  NOT NULL,
    deletion_reason        VARCHAR(40),
    deleted_at             TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_recording_platform_id ON recording (platform, platform_recording_id);
CREATE INDEX ix_recording_session ON recording (session_id);

CREATE TABLE survey (
    id                   UUID PRIMARY KEY,
    session_id           UUID        NOT NULL,
    process_instance_id  VARCHAR(64),
    state                VARCHAR(20) NOT NULL,
    score                INTEGER,
    comment_text         VARCHAR(4000),
    complaint            BOOLEAN,
    sent_at              TIMESTAMP WITH TIME ZONE,
    answered_at          TIMESTAMP WITH TIME ZONE,
    closed_at            TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_survey_session ON survey (session_id);

CREATE TABLE privacy_request (
    id                   UUID PRIMARY KEY,
    ticket_id            VARCHAR(100) NOT NULL,
    session_id           UUID,
    request_type         VARCHAR(20)  NOT NULL,
    requested_by         VARCHAR(100) NOT NULL,
    process_instance_id  VARCHAR(64),
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_privacy_request_ticket ON privacy_request (ticket_id);

CREATE TABLE audit_log (
    id            UUID PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(100) NOT NULL,
    action        VARCHAR(50)  NOT NULL,
    subject_type  VARCHAR(30)  NOT NULL,
    subject_id    VARCHAR(100) NOT NULL,
    details       VARCHAR(2000)
);
CREATE INDEX ix_audit_subject ON audit_log (subject_type, subject_id);
