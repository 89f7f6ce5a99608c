-- Analytics (DESIGN section 8): the steps of the funnel the session record did not keep yet, written
-- where the process passes them: the offer (eligibility's offer mode, when it was made, the customer's
-- answer) and the invitation. Reports select sessions by when they were requested, optionally per agent.
ALTER TABLE video_session ADD COLUMN offer_mode VARCHAR(20);
ALTER TABLE video_session ADD COLUMN offered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE video_session ADD COLUMN video_accepted BOOLEAN;
ALTER TABLE video_session ADD COLUMN offer_answered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE video_session ADD COLUMN invited_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_video_session_created ON video_session (created_at);
CREATE INDEX ix_video_session_agent_created ON video_session (agent_id, created_at);
