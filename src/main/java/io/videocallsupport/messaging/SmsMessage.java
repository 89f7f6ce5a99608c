package io.videocallsupport.messaging;

public record SmsMessage(String to, String body) {
}
