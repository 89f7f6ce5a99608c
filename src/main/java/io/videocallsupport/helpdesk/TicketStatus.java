package io.videocallsupport.helpdesk;

public enum TicketStatus { OPEN, VIDEO_SESSION, RESOLVED, FOLLOW_UP_NEEDED, NOT_RESOLVED }
