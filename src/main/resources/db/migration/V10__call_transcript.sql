-- Call transcripts, whole: a process variable holds at most 4,000 characters, a real call's transcript
-- far more. The process keeps only a short excerpt for the summary form (transcriptDraft); the text is
-- here, one row per session, and is deleted with the session's recording (retention and erasure).
-- TEXT is a character large object on H2 and unbounded text on PostgreSQL.
CREATE TABLE call_transcript (
    session_id       UUID PRIMARY KEY,
    source           VARCHAR(40)  NOT NULL,  -- what made it: the video platform (later a transcription engine)
    content          TEXT         NOT NULL,
    original_chars   BIGINT       NOT NULL,
    truncated        BOOLEAN      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
