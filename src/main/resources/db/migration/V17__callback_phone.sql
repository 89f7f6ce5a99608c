-- The number a customer gives on the join page when they ask for a phone call instead of video.
-- Kept with the session's other contact details rather than in process variables and their
-- history; the agent's "Call the customer back" task shows it as a task-local copy.
-- At most 40 characters: the join page refuses longer input (JoinPageController.MAX_PHONE).
ALTER TABLE video_session ADD COLUMN callback_phone VARCHAR(40);
