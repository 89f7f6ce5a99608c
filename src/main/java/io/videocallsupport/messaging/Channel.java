package io.videocallsupport.messaging;

public enum Channel { EMAIL, SMS }
