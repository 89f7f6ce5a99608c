-- When the customer pressed "Leave" on the Twilio call page: the disconnect Twilio reports next is
-- a goodbye, not a dropped call. Cleared when the customer opens the call page again.
ALTER TABLE twilio_room ADD COLUMN customer_left_at TIMESTAMP WITH TIME ZONE;
