package io.videocallsupport.token;

public enum TokenPurpose { JOIN, SURVEY, PRIVACY, RECORDING_DOWNLOAD }
