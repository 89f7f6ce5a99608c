-- Twilio Video rooms live only while someone uses them (they close a few minutes after the last
-- participant left), so one session's call may run in several rooms one after the other, all with
-- the same unique name. This row is what the application wants of that name's rooms, whichever is
-- open: whether they record (only ever true with the customer's consent on record).
CREATE TABLE twilio_room (
    unique_name   VARCHAR(128) PRIMARY KEY,
    session_id    UUID         NOT NULL,
    recording     BOOLEAN      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
