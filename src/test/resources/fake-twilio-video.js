/*
 * A stand-in for twilio-video.js 2.x (the global Twilio.Video) in browser tests, which cannot reach
 * Twilio. It covers what twilio-call.js uses: connect() resolves a fake Room at once, local tracks
 * wrap real MediaStreamTracks (getUserMedia, so Chromium's fake camera and microphone), remote
 * tracks carry real media (a painted canvas, a quiet tone), so attach() gives <video> and <audio>
 * elements that play.
 *
 * Everything the page asks of it is recorded in window.fakeTwilio (connects, published and
 * unpublished tracks, restarts, parameters, switch-offs, disconnects); window.fakeTwilio also lets
 * the test play Twilio's part: participants joining and leaving, screens shared, network quality,
 * recording, reconnecting, and disconnects or refused connects with Twilio's error codes.
 * A test reads it with executeScript("return fakeTwilio.snapshot()").
 *
 * What must hold before the page connects is set for the next page load of the same tab:
 * fakeTwilio.onNextPage({refuse: [53105], noCamera: true, unsupported: true}), then reload.
 */
(function () {
  'use strict';

  var counter = 0;

  function nextSid(prefix) {
    counter++;
    return prefix + ('0000000000000000000000000000000' + counter.toString(16)).slice(-32);
  }

  function Emitter() {
    this._listeners = {};
  }

  Emitter.prototype.on = function (event, listener) {
    (this._listeners[event] = this._listeners[event] || []).push(listener);
    return this;
  };
  Emitter.prototype.addListener = Emitter.prototype.on;
  Emitter.prototype.once = function (event, listener) {
    var self = this;
    function wrapper() {
      self.off(event, wrapper);
      listener.apply(self, arguments);
    }
    return this.on(event, wrapper);
  };
  Emitter.prototype.off = function (event, listener) {
    var list = this._listeners[event] || [];
    var i = list.indexOf(listener);
    if (i >= 0) {
      list.splice(i, 1);
    }
    return this;
  };
  Emitter.prototype.removeListener = Emitter.prototype.off;
  Emitter.prototype.removeAllListeners = function (event) {
    if (event) {
      delete this._listeners[event];
    } else {
      this._listeners = {};
    }
    return this;
  };
  Emitter.prototype.emit = function (event) {
    var args = Array.prototype.slice.call(arguments, 1);
    (this._listeners[event] || []).slice().forEach(function (listener) {
      listener.apply(this, args);
    }, this);
    return true;
  };

  function inherit(Child, Parent) {
    Child.prototype = Object.create(Parent.prototype);
    Child.prototype.constructor = Child;
  }

  function twilioError(code, message) {
    var error = new Error(message || 'Twilio error ' + code);
    error.name = 'TwilioError';
    error.code = code;
    return error;
  }

  var MESSAGES = {
    20104: 'Access Token expired or expiration date invalid',
    53000: 'Signaling connection error',
    53105: 'Room contains too many Participants',
    53118: 'Room completed',
    53205: 'Participant disconnected because of duplicate identity'
  };

  // ---- Tracks --------------------------------------------------------------------------------

  /** What attach() and detach() do for every track: a media element per attachment. */
  function Track(kind, name, mediaStreamTrack) {
    Emitter.call(this);
    this.kind = kind;
    this.name = name || (mediaStreamTrack ? mediaStreamTrack.id : nextSid('TN'));
    this.mediaStreamTrack = mediaStreamTrack;
    this.isStarted = true;
    this.isEnabled = true;
    this._elements = [];
  }
  inherit(Track, Emitter);

  Track.prototype.attach = function (element) {
    if (typeof element === 'string') {
      element = document.querySelector(element);
    }
    if (!element) {
      element = document.createElement(this.kind === 'audio' ? 'audio' : 'video');
    }
    element.autoplay = true;
    if (this.kind === 'video') {
      element.playsInline = true;
    }
    element.srcObject = this.mediaStreamTrack ? new MediaStream([this.mediaStreamTrack]) : null;
    if (this._elements.indexOf(element) < 0) {
      this._elements.push(element);
    }
    return element;
  };

  Track.prototype.detach = function (element) {
    if (typeof element === 'string') {
      element = document.querySelector(element);
    }
    var detached = element ? this._elements.filter(function (e) { return e === element; }) : this._elements.slice();
    this._elements = this._elements.filter(function (e) { return detached.indexOf(e) < 0; });
    detached.forEach(function (e) { e.srcObject = null; });
    return element ? (detached[0] || element) : detached;
  };

  function LocalTrack(kind, mediaStreamTrack, options) {
    Track.call(this, kind, options && options.name, mediaStreamTrack);
    this.id = mediaStreamTrack ? mediaStreamTrack.id : nextSid('LT');
    this.isStopped = false;
  }
  inherit(LocalTrack, Track);

  LocalTrack.prototype.enable = function (enabled) {
    var on = enabled !== false;
    this.isEnabled = on;
    if (this.mediaStreamTrack) {
      this.mediaStreamTrack.enabled = on;
    }
    this.emit(on ? 'enabled' : 'disabled', this);
    return this;
  };
  LocalTrack.prototype.disable = function () {
    return this.enable(false);
  };
  LocalTrack.prototype.stop = function () {
    if (this.mediaStreamTrack) {
      this.mediaStreamTrack.stop();
    }
    this.isStopped = true;
    this.emit('stopped', this);
    return this;
  };
  LocalTrack.prototype.restart = function (constraints) {
    var track = this;
    fake.restarts.push({kind: track.kind, name: track.name, constraints: JSON.parse(JSON.stringify(constraints || {}))});
    var request = {};
    request[track.kind] = constraints || true;
    return navigator.mediaDevices.getUserMedia(request).then(function (stream) {
      if (track.mediaStreamTrack) {
        track.mediaStreamTrack.stop();
      }
      track.mediaStreamTrack = track.kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
      track._elements.forEach(function (element) {
        element.srcObject = new MediaStream([track.mediaStreamTrack]);
      });
      track.emit('started', track);
    });
  };

  function LocalAudioTrack(mediaStreamTrack, options) {
    LocalTrack.call(this, 'audio', mediaStreamTrack, options);
  }
  inherit(LocalAudioTrack, LocalTrack);

  function LocalVideoTrack(mediaStreamTrack, options) {
    LocalTrack.call(this, 'video', mediaStreamTrack, options);
  }
  inherit(LocalVideoTrack, LocalTrack);

  function RemoteTrack(kind, name, mediaStreamTrack) {
    Track.call(this, kind, name, mediaStreamTrack);
    this.sid = nextSid('MT');
    this.isSwitchedOff = false;
  }
  inherit(RemoteTrack, Track);

  RemoteTrack.prototype.switchOff = function () {
    if (this.kind !== 'video') {
      throw new Error('only video tracks switch off');
    }
    fake.switchedOff.push(this.name);
    this.isSwitchedOff = true;
    this.emit('switchedOff', this, 'disabled-by-subscriber');
    return this;
  };
  RemoteTrack.prototype.switchOn = function () {
    fake.switchedOn.push(this.name);
    this.isSwitchedOff = false;
    this.emit('switchedOn', this);
    return this;
  };

  /** A painted, moving canvas: real video frames, so a <video> gets a size. */
  function paintedVideo(label) {
    var canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    var ctx = canvas.getContext('2d');
    var frame = 0;
    function paint() {
      frame++;
      ctx.fillStyle = '#1e3a8a';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = '#fde68a';
      ctx.font = '20px sans-serif';
      ctx.fillText(label, 10, 30);
      ctx.fillRect((frame * 4) % canvas.width, 120, 20, 20);
    }
    paint();
    var track = canvas.captureStream(15).getVideoTracks()[0];
    var timer = setInterval(paint, 66);
    track.addEventListener('ended', function () { clearInterval(timer); });
    return track;
  }

  var audioContext = null;

  /** A quiet tone: a real audio track for an <audio> element. */
  function quietTone() {
    audioContext = audioContext || new AudioContext();
    var oscillator = audioContext.createOscillator();
    var gain = audioContext.createGain();
    gain.gain.value = 0.01;
    var destination = audioContext.createMediaStreamDestination();
    oscillator.connect(gain).connect(destination);
    oscillator.start();
    return destination.stream.getAudioTracks()[0];
  }

  // ---- Participants and the room -------------------------------------------------------------

  function Publication(track, kind, name) {
    Emitter.call(this);
    this.trackSid = track && track.sid ? track.sid : nextSid('MT');
    this.trackName = name;
    this.kind = kind;
    this.track = track;
    this.isSubscribed = !!track;
    this.isTrackEnabled = true;
  }
  inherit(Publication, Emitter);

  function Participant(identity) {
    Emitter.call(this);
    this.sid = nextSid('PA');
    this.identity = identity;
    this.state = 'connected';
    this.networkQualityLevel = null;
    this.networkQualityStats = null;
    this.tracks = new Map();
    this.audioTracks = new Map();
    this.videoTracks = new Map();
    this.dataTracks = new Map();
  }
  inherit(Participant, Emitter);

  Participant.prototype._add = function (publication) {
    this.tracks.set(publication.trackSid, publication);
    this[publication.kind + 'Tracks'].set(publication.trackSid, publication);
  };
  Participant.prototype._remove = function (publication) {
    this.tracks.delete(publication.trackSid);
    this[publication.kind + 'Tracks'].delete(publication.trackSid);
  };

  function LocalParticipant(identity) {
    Participant.call(this, identity);
  }
  inherit(LocalParticipant, Participant);

  LocalParticipant.prototype._publish = function (track, via, priority) {
    if (!(track instanceof LocalTrack)) {
      track = new (track.kind === 'audio' ? LocalAudioTrack : LocalVideoTrack)(track);
    }
    var existing = Array.from(this.tracks.values()).filter(function (p) { return p.track === track; })[0];
    if (existing) {
      return existing;
    }
    var publication = new Publication(track, track.kind, track.name);
    publication.trackSid = nextSid('MT');
    this._add(publication);
    fake.published.push({kind: track.kind, name: track.name, via: via, priority: priority || null});
    return publication;
  };

  LocalParticipant.prototype.publishTrack = function (track, options) {
    if (fake.room === null || fake.room.localParticipant !== this || fake.room.state === 'disconnected') {
      return Promise.reject(new Error('not connected'));
    }
    var publication = this._publish(track, 'publishTrack', options && options.priority);
    var self = this;
    return new Promise(function (resolve) {
      setTimeout(function () {
        self.emit('trackPublished', publication);
        resolve(publication);
      }, 5);
    });
  };
  LocalParticipant.prototype.publishTracks = function (tracks) {
    return Promise.all(tracks.map(this.publishTrack, this));
  };
  LocalParticipant.prototype.unpublishTrack = function (track) {
    var publication = Array.from(this.tracks.values()).filter(function (p) {
      return p.track === track || (p.track && p.track.mediaStreamTrack === track);
    })[0];
    if (!publication) {
      return null;
    }
    this._remove(publication);
    fake.unpublished.push({kind: publication.kind, name: publication.trackName});
    return publication;
  };
  LocalParticipant.prototype.unpublishTracks = function (tracks) {
    return tracks.map(this.unpublishTrack, this).filter(Boolean);
  };
  LocalParticipant.prototype.setParameters = function (parameters) {
    fake.parameters.push(JSON.parse(JSON.stringify(parameters || {})));
    return this;
  };

  function RemoteParticipant(identity) {
    Participant.call(this, identity);
  }
  inherit(RemoteParticipant, Participant);

  RemoteParticipant.prototype._subscribe = function (kind, name, room) {
    var media = kind === 'audio' ? quietTone() : paintedVideo(this.identity + ' ' + name);
    var track = new RemoteTrack(kind, name, media);
    var publication = new Publication(track, kind, name);
    this._add(publication);
    this.emit('trackPublished', publication);
    this.emit('trackSubscribed', track, publication);
    room.emit('trackSubscribed', track, publication, this);
    return track;
  };
  RemoteParticipant.prototype._unsubscribe = function (publication, room) {
    var track = publication.track;
    this._remove(publication);
    publication.isSubscribed = false;
    publication.track = null;
    this.emit('trackUnsubscribed', track, publication);
    room.emit('trackUnsubscribed', track, publication, this);
    this.emit('trackUnpublished', publication);
    if (track.mediaStreamTrack) {
      track.mediaStreamTrack.stop();
    }
  };

  function Room(name, localParticipant) {
    Emitter.call(this);
    this.sid = nextSid('RM');
    this.name = name;
    this.state = 'connected';
    this.localParticipant = localParticipant;
    this.participants = new Map();
    this.isRecording = false;
    this.dominantSpeaker = null;
    this.mediaRegion = 'fake';
  }
  inherit(Room, Emitter);

  Room.prototype.disconnect = function () {
    if (this.state !== 'disconnected') {
      this.state = 'disconnected';
      fake.disconnects++;
      this.emit('disconnected', this);
    }
    return this;
  };

  function identityOf(token) {
    try {
      var payload = JSON.parse(atob(String(token).split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return (payload.grants && payload.grants.identity) || 'local';
    } catch (e) {
      return 'local';
    }
  }

  function cloneOptions(options) {
    var copy = {};
    Object.keys(options || {}).forEach(function (key) {
      if (key !== 'tracks') {
        copy[key] = JSON.parse(JSON.stringify(options[key]));
      }
    });
    return copy;
  }

  // ---- Twilio.Video --------------------------------------------------------------------------

  function userMedia(kind, constraints) {
    if (kind === 'video' && setup.noCamera) {
      var missing = new Error('Requested device not found');
      missing.name = 'NotFoundError';
      return Promise.reject(missing);
    }
    var request = {};
    var options = Object.assign({}, constraints === true ? {} : constraints || {});
    var name = options.name;
    delete options.name;
    delete options.logLevel;
    request[kind] = Object.keys(options).length ? options : true;
    return navigator.mediaDevices.getUserMedia(request).then(function (stream) {
      var media = kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
      return kind === 'audio' ? new LocalAudioTrack(media, {name: name}) : new LocalVideoTrack(media, {name: name});
    });
  }

  function createLocalTracks(options) {
    var wanted = options || {audio: true, video: true};
    var created = [];
    if (wanted.audio) {
      created.push(userMedia('audio', wanted.audio));
    }
    if (wanted.video) {
      created.push(userMedia('video', wanted.video));
    }
    return Promise.all(created);
  }

  function connect(token, options) {
    var opts = options || {};
    var tracks = opts.tracks || [];
    fake.connects.push({
      token: token, name: opts.name, options: cloneOptions(opts),
      trackNames: tracks.map(function (t) { return t.name || t.id; }),
      trackKinds: tracks.map(function (t) { return t.kind; })
    });
    var refusal = fake.refusals.shift();
    if (refusal !== undefined) {
      return new Promise(function (resolve, reject) {
        setTimeout(function () { reject(twilioError(refusal, MESSAGES[refusal])); }, 20);
      });
    }
    var ready = opts.tracks ? Promise.resolve(tracks)
      : createLocalTracks({audio: opts.audio !== false && (opts.audio || true), video: opts.video !== false && (opts.video || true)});
    return ready.then(function (localTracks) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          var local = new LocalParticipant(identityOf(token));
          var room = new Room(opts.name || nextSid('RM'), local);
          fake.room = room;
          localTracks.forEach(function (track) { local._publish(track, 'connect'); });
          resolve(room);
        }, 20);
      });
    });
  }

  // ---- What the test sees and does -----------------------------------------------------------

  function room() {
    if (!fake.room) {
      throw new Error('the page has not connected');
    }
    return fake.room;
  }

  function remote(identity) {
    var found = Array.from(room().participants.values()).filter(function (p) { return p.identity === identity; })[0];
    if (!found) {
      throw new Error('no participant ' + identity);
    }
    return found;
  }

  var SETUP_KEY = 'fakeTwilio.nextPage';
  var setup = {};
  try {
    setup = JSON.parse(sessionStorage.getItem(SETUP_KEY) || '{}');
    sessionStorage.removeItem(SETUP_KEY);
  } catch (e) {
    setup = {};
  }

  var fake = {
    connects: [],
    published: [],
    unpublished: [],
    restarts: [],
    parameters: [],
    switchedOff: [],
    switchedOn: [],
    disconnects: 0,
    refusals: (setup.refuse || []).slice(),
    room: null,

    /** Set-up for the next page load in this tab: {refuse: [codes], noCamera: true, unsupported: true}. */
    onNextPage: function (next) {
      sessionStorage.setItem(SETUP_KEY, JSON.stringify(next || {}));
    },

    /** The next connect() calls fail with these Twilio error codes, in order. */
    refuseNextConnect: function (code) {
      fake.refusals.push(code);
    },

    /** A participant joins with a camera and a microphone (options: {video: false}, {audio: false}). */
    addParticipant: function (identity, options) {
      var r = room();
      var participant = new RemoteParticipant(identity);
      r.participants.set(participant.sid, participant);
      r.emit('participantConnected', participant);
      if (!options || options.audio !== false) {
        participant._subscribe('audio', 'microphone', r);
      }
      if (!options || options.video !== false) {
        participant._subscribe('video', 'camera', r);
      }
      return participant.sid;
    },

    removeParticipant: function (identity) {
      var r = room();
      var participant = remote(identity);
      Array.from(participant.tracks.values()).forEach(function (p) { participant._unsubscribe(p, r); });
      participant.state = 'disconnected';
      r.participants.delete(participant.sid);
      r.emit('participantDisconnected', participant);
    },

    /** A participant publishes a track (kind "audio" or "video") named e.g. "screen". */
    publishRemote: function (identity, kind, name) {
      remote(identity)._subscribe(kind, name, room());
    },

    unpublishRemote: function (identity, name) {
      var participant = remote(identity);
      Array.from(participant.tracks.values()).filter(function (p) { return p.trackName === name; })
        .forEach(function (p) { participant._unsubscribe(p, room()); });
    },

    /** Network quality 0–5 (null: unknown) of the local participant, or of the named remote one. */
    networkQuality: function (level, identity) {
      var participant = identity ? remote(identity) : room().localParticipant;
      participant.networkQualityLevel = level;
      participant.emit('networkQualityLevelChanged', level, null);
    },

    dominantSpeaker: function (identity) {
      var r = room();
      r.dominantSpeaker = identity ? remote(identity) : null;
      r.emit('dominantSpeakerChanged', r.dominantSpeaker);
    },

    recording: function (on) {
      var r = room();
      r.isRecording = !!on;
      r.emit(on ? 'recordingStarted' : 'recordingStopped');
    },

    reconnecting: function () {
      var r = room();
      r.state = 'reconnecting';
      r.emit('reconnecting', twilioError(53001, 'Signaling connection disconnected'));
    },

    reconnected: function () {
      var r = room();
      r.state = 'connected';
      r.emit('reconnected');
    },

    /** Twilio disconnects the page, e.g. 53118 (room completed), 20104 (token expired), 53205. */
    disconnectWith: function (code) {
      var r = room();
      if (r.state === 'disconnected') {
        return;
      }
      r.state = 'disconnected';
      r.participants.forEach(function (p) { p.state = 'disconnected'; });
      r.emit('disconnected', r, twilioError(code, MESSAGES[code]));
    },

    /** The tracks the page has in the room now, as {kind, name}. */
    publishedNow: function () {
      if (!fake.room || fake.room.state === 'disconnected') {
        return [];
      }
      return Array.from(fake.room.localParticipant.tracks.values()).map(function (p) {
        return {kind: p.kind, name: p.trackName, enabled: p.track ? p.track.isEnabled : true};
      });
    },

    /** Everything recorded, as plain data for a test. */
    snapshot: function () {
      return {
        connects: fake.connects, published: fake.published, unpublished: fake.unpublished,
        restarts: fake.restarts, parameters: fake.parameters, switchedOff: fake.switchedOff,
        switchedOn: fake.switchedOn, disconnects: fake.disconnects, publishedNow: fake.publishedNow(),
        roomState: fake.room ? fake.room.state : null
      };
    }
  };

  window.fakeTwilio = fake;
  window.Twilio = window.Twilio || {};
  window.Twilio.Video = {
    version: '2.32.1-fake',
    isSupported: setup.unsupported !== true,
    connect: connect,
    createLocalTracks: createLocalTracks,
    createLocalAudioTrack: function (options) { return userMedia('audio', options || true); },
    createLocalVideoTrack: function (options) { return userMedia('video', options || true); },
    LocalAudioTrack: LocalAudioTrack,
    LocalVideoTrack: LocalVideoTrack
  };
}());
