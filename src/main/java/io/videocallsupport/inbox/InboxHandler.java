package io.videocallsupport.inbox;

/** Handles the events of one source (e.g. "zoom"): turns each into what the processes need. */
public interface InboxHandler {

  /** The source name the events are stored under. */
  String source();

  Outcome handle(InboxEvent event);

  /** What became of an event. */
  sealed interface Outcome {

    record Done(String note) implements Outcome {
    }

    /** The process does not wait for it yet: try again later (events may arrive early). */
    record NotYet(String note) implements Outcome {
    }

    record Ignored(String note) implements Outcome {
    }

    record Unmatched(String note) implements Outcome {
    }

    static Outcome done(String note) {
      return new Done(note);
    }

    static Outcome notYet(String note) {
      return new NotYet(note);
    }

    static Outcome ignored(String note) {
      return new Ignored(note);
    }

    static Outcome unmatched(String note) {
      return new Unmatched(note);
    }
  }
}
