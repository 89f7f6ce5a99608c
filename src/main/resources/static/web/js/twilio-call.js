/*
 * A call on Twilio Video (VIDEO_PLATFORM=twilio), for the customer and the agent, with
 * twilio-video.js 2.x (the global Twilio.Video, loaded by the page before this script).
 *
 * - The page gets a room name and an access token for it; a fresh token comes from the token path
 *   (JSON {"token": "..."}) when Twilio says the old one has expired (error 20104): once per
 *   connection, so a token that keeps failing ends in "could not connect" instead of a loop.
 * - Own tracks are created here and handed to connect(), so that camera, microphone and screen
 *   outlive a dropped connection and are published again on reconnecting. Tracks are named
 *   "microphone", "camera" and "screen"; a remote track named "screen" gets a large tile.
 * - What is published always follows what the controls say (syncPublications), whatever the
 *   order of clicks, connects and reconnects.
 * - Audio only: the camera is unpublished and stopped, and other people's cameras are switched off
 *   (bandwidth profile with manual track switch-off), so no camera video travels either way.
 *   Shared screens stay on: in a support call they are the point.
 * - Lower quality: the camera restarts at 320x240 and 12 frames per second, sending at most
 *   150 kbit/s.
 * - Tests read the state from data attributes on #room (state, quality, audioOnly, camera, ...).
 */
(function () {
  'use strict';

  var root = document.getElementById('room');
  if (!root) {
    return;
  }
  var cfg = root.dataset;
  var isHost = cfg.role === 'HOST';
  var mode = ['video', 'audio', 'screen'].indexOf(cfg.mode) >= 0 ? cfg.mode : 'video';
  var Video = window.Twilio && window.Twilio.Video;

  var MICROPHONE = 'microphone';
  var CAMERA = 'camera';
  var SCREEN = 'screen';
  var NORMAL_CAMERA = {width: 640, height: 480, frameRate: 24};
  var LOW_CAMERA = {width: 320, height: 240, frameRate: 12};
  var LOW_BITRATE = 150000;
  var MAX_RECONNECTS = 5;

  // Twilio's error codes that this page acts on.
  var TOKEN_EXPIRED = 20104;
  var ROOM_FULL = 53105;
  var ROOM_COMPLETED = 53118;
  var ROOM_NOT_FOUND = 53106;
  var DUPLICATE_IDENTITY = 53205;
  var CONNECTION_ERRORS = [53000, 53001, 53002, 53405, 53407];

  var el = {
    status: document.getElementById('room-status'),
    quality: document.getElementById('quality'),
    recording: document.getElementById('recording-indicator'),
    tiles: document.getElementById('tiles'),
    selfTile: document.getElementById('tile-self'),
    localVideo: document.getElementById('local-video'),
    shareHint: document.getElementById('share-hint'),
    announcer: document.getElementById('announcer'),
    afterCall: document.getElementById('after-call'),
    afterHeading: document.getElementById('after-call-heading'),
    afterText: document.getElementById('after-call-text'),
    rejoin: document.getElementById('rejoin'),
    controls: document.getElementById('controls'),
    mic: document.getElementById('toggle-mic'),
    camera: document.getElementById('toggle-camera'),
    screen: document.getElementById('share-screen'),
    audioOnly: document.getElementById('audio-only'),
    lowQuality: document.getElementById('low-quality'),
    sound: document.getElementById('enable-sound'),
    leave: document.getElementById('leave'),
    end: document.getElementById('end-call'),
    sensitive: document.getElementById('sensitive-data')
  };

  var room = null;
  var token = cfg.token || '';
  var tokenRefreshes = 0;
  var reconnects = 0;
  var reconnectTimer = null;
  var finished = false;

  var micTrack = null;
  var cameraTrack = null;
  var screenTrack = null;
  var screenTile = null;
  var shownLocalTrack = null;
  var cameraWanted = mode === 'video';
  var audioOnly = mode === 'audio';
  var lowQuality = false;
  var publishing = Promise.resolve();

  /** Remote participants by SID: {participant, name, tile, video, cameraTrack, screens: Map(track SID → tile)}. */
  var remotes = new Map();

  // ---- Texts and state -----------------------------------------------------------------------

  function text(key) {
    return cfg['msg' + key] || '';
  }

  function announce(message) {
    el.announcer.textContent = message;
  }

  function setState(state, messageKey) {
    root.dataset.state = state;
    el.status.textContent = text(messageKey);
  }

  function warn(what) {
    return function (error) {
      console.warn(what, error);
    };
  }

  /** Staff join as "agent:<username>", the customer as "customer…": Twilio tells identities only. */
  function personName(identity) {
    var id = String(identity || '');
    if (id.indexOf('agent:') === 0) {
      return id.slice('agent:'.length);
    }
    if (id.indexOf('customer') === 0) {
      return (isHost ? cfg.customerName : cfg.selfName) || id;
    }
    return id;
  }

  function isStaff(identity) {
    return String(identity || '').indexOf('agent:') === 0;
  }

  function isScreen(track) {
    return String(track.name || '').indexOf(SCREEN) === 0;
  }

  // ---- Local media ---------------------------------------------------------------------------

  async function startMicrophone() {
    try {
      micTrack = await Video.createLocalAudioTrack({name: MICROPHONE});
    } catch (e) {
      micTrack = null;
    }
  }

  async function startCamera() {
    try {
      cameraTrack = await Video.createLocalVideoTrack(
        Object.assign({name: CAMERA}, lowQuality ? LOW_CAMERA : NORMAL_CAMERA));
    } catch (e) {
      cameraTrack = null;
      cameraWanted = false;
      el.camera.disabled = true;
      announce(text('NoCamera'));
    }
  }

  function stopCamera() {
    if (cameraTrack) {
      cameraTrack.stop();
      cameraTrack = null;
    }
  }

  /** Starts or stops the camera as the camera and audio-only buttons say, then publishes accordingly. */
  function syncCamera() {
    publishing = publishing.then(async function () {
      var wanted = cameraWanted && !audioOnly && !finished;
      if (wanted && (!cameraTrack || cameraTrack.isStopped)) {
        await startCamera();
      } else if (!wanted && cameraTrack) {
        await unpublish(cameraTrack);
        stopCamera();
      }
      showLocalPicture();
      updateButtons();
      await publishNow();
    }).catch(warn('camera change failed'));
    return publishing;
  }

  /** Publishes every local track that should be in the room and unpublishes the others. */
  function syncPublications() {
    publishing = publishing.then(publishNow).catch(warn('publishing failed'));
    return publishing;
  }

  async function publishNow() {
    if (!room || finished || room.state === 'disconnected') {
      return;
    }
    var local = room.localParticipant;
    var wanted = localTracks();
    var published = Array.from(local.tracks.values())
      .map(function (publication) { return publication.track; })
      .filter(function (track) { return track && track.kind !== 'data'; });
    for (var i = 0; i < published.length; i++) {
      if (wanted.indexOf(published[i]) < 0) {
        local.unpublishTrack(published[i]);
      }
    }
    for (var j = 0; j < wanted.length; j++) {
      if (published.indexOf(wanted[j]) < 0) {
        await local.publishTrack(wanted[j], {priority: wanted[j] === screenTrack ? 'high' : 'standard'});
      }
    }
  }

  async function unpublish(track) {
    if (room && room.state !== 'disconnected') {
      room.localParticipant.unpublishTrack(track);
    }
  }

  function localTracks() {
    var camera = cameraWanted && !audioOnly ? cameraTrack : null;
    return [micTrack, camera, screenTrack].filter(function (track) {
      return track && !track.isStopped;
    });
  }

  function showLocalPicture() {
    var track = cameraTrack && !audioOnly ? cameraTrack : null;
    if (shownLocalTrack && shownLocalTrack !== track) {
      shownLocalTrack.detach(el.localVideo);
    }
    if (track && shownLocalTrack !== track) {
      track.attach(el.localVideo);
    }
    shownLocalTrack = track;
    if (!track) {
      el.localVideo.srcObject = null;
    }
    el.selfTile.classList.toggle('no-video', !track);
    el.selfTile.querySelector('.placeholder .why').textContent = text(audioOnly ? 'TileAudioOnly' : 'TileCameraOff');
  }

  function updateButtons() {
    var micOff = micTrack !== null && !micTrack.isEnabled;
    press(el.mic, micOff);
    press(el.camera, !(cameraWanted && cameraTrack));
    press(el.screen, screenTrack !== null);
    el.screen.textContent = text(screenTrack !== null ? 'StopSharing' : 'ShareScreen');
    press(el.audioOnly, audioOnly);
    press(el.lowQuality, lowQuality);
    el.mic.disabled = finished || micTrack === null;
    root.dataset.mic = micOff || micTrack === null ? 'off' : 'on';
    root.dataset.camera = cameraTrack && !audioOnly ? 'on' : 'off';
    root.dataset.sharing = screenTrack ? 'true' : 'false';
    root.dataset.audioOnly = audioOnly ? 'true' : 'false';
    root.dataset.lowQuality = lowQuality ? 'true' : 'false';
    el.shareHint.hidden = mode !== 'screen' || screenTrack !== null || finished;
    el.screen.classList.toggle('primary', mode === 'screen' && screenTrack === null);
  }

  function press(button, pressed) {
    if (button) {
      button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    }
  }

  // ---- Screen sharing ------------------------------------------------------------------------

  async function startScreen() {
    if (screenTrack || finished || !navigator.mediaDevices || !navigator.mediaDevices.getDisplayMedia) {
      return;
    }
    var stream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({video: {frameRate: 15}, audio: false});
    } catch (e) {
      return; // refused, cancelled, or not started by a click: the button stays there
    }
    var media = stream.getVideoTracks()[0];
    if (!media || finished) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      return;
    }
    screenTrack = new Video.LocalVideoTrack(media, {name: SCREEN});
    // The browser's own "Stop sharing" ends the MediaStreamTrack.
    media.addEventListener('ended', function () {
      stopScreen().catch(warn('could not stop sharing'));
    });
    screenTile = makeFigure('tile screen self-screen', text('YourScreen'));
    screenTile.id = 'tile-self-screen';
    var video = screenTrack.attach();
    video.muted = true;
    screenTile.querySelector('.media').appendChild(video);
    el.tiles.insertBefore(screenTile, el.tiles.firstChild);
    updateButtons();
    await syncPublications();
  }

  async function stopScreen() {
    var track = screenTrack;
    if (!track) {
      return;
    }
    screenTrack = null;
    await unpublish(track);
    track.detach().forEach(function (element) { element.remove(); });
    track.stop();
    if (screenTile) {
      screenTile.remove();
      screenTile = null;
    }
    updateButtons();
    await syncPublications();
  }

  // ---- Connecting ----------------------------------------------------------------------------

  function connectOptions() {
    var options = {
      name: cfg.roomName,
      tracks: localTracks(),
      dominantSpeaker: true,
      networkQuality: {local: 1, remote: 1},
      preferredVideoCodecs: [{codec: 'VP8', simulcast: true}],
      bandwidthProfile: {video: {mode: 'collaboration', clientTrackSwitchOffControl: 'manual'}}
    };
    if (lowQuality) {
      options.maxVideoBitrate = LOW_BITRATE;
    }
    return options;
  }

  /** Connects to the room; {@code freshToken} says the token was just fetched, so expiry is final. */
  async function connect(freshToken) {
    if (finished) {
      return;
    }
    setState(reconnects > 0 || tokenRefreshes > 0 ? 'reconnecting' : 'connecting',
      reconnects > 0 || tokenRefreshes > 0 ? 'Reconnecting' : 'Connecting');
    var connected;
    try {
      await publishing;
      connected = await Video.connect(token, connectOptions());
    } catch (error) {
      await connectFailed(error, freshToken);
      return;
    }
    if (finished) {
      connected.disconnect();
      return;
    }
    joined(connected);
  }

  async function connectFailed(error, freshToken) {
    var code = error && error.code;
    if (code === ROOM_FULL) {
      finish('full', 'Full');
    } else if (code === ROOM_COMPLETED || code === ROOM_NOT_FOUND) {
      finish('ended', 'Ended');
    } else if (code === TOKEN_EXPIRED && !freshToken) {
      await renewTokenAndConnect();
    } else if (code === undefined || CONNECTION_ERRORS.indexOf(code) >= 0) {
      scheduleReconnect();
    } else {
      console.warn('could not join the call', code, error && error.message);
      finish('failed', 'Failed');
    }
  }

  async function renewTokenAndConnect() {
    setState('reconnecting', 'Reconnecting');
    var status = await fetchToken();
    if (status === 200) {
      await connect(true);
    } else if (status === 410) {
      finish('ended', 'Ended');
    } else if (status === 0) {
      scheduleReconnect();
    } else {
      finish('failed', 'Failed');
    }
  }

  /**
   * Fetches a fresh token; answers the HTTP status (200 only with a token in hand), 0 when the
   * application did not answer. A redirect means the agent's login ran out: 401.
   */
  async function fetchToken() {
    var response;
    try {
      response = await fetch(cfg.tokenPath, {
        credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}
      });
    } catch (e) {
      return 0;
    }
    if (response.redirected) {
      return 401;
    }
    if (!response.ok) {
      return response.status;
    }
    var body = await response.json().catch(function () { return null; });
    if (!body || typeof body.token !== 'string' || body.token === '') {
      return 500;
    }
    token = body.token;
    tokenRefreshes++;
    root.dataset.tokenRefreshes = String(tokenRefreshes);
    return 200;
  }

  function scheduleReconnect() {
    if (finished) {
      return;
    }
    reconnects++;
    if (reconnects > MAX_RECONNECTS) {
      finish('failed', 'Failed');
      return;
    }
    setState('reconnecting', 'Reconnecting');
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(function () {
      connect(false).catch(warn('reconnecting failed'));
    }, Math.min(1000 * Math.pow(2, reconnects - 1), 10000));
  }

  /** Listens to an event of {@code source} only while {@code current} is still this page's room. */
  function on(current, source, event, handler) {
    source.on(event, function () {
      if (room === current && !finished) {
        handler.apply(null, arguments);
      }
    });
  }

  function joined(connected) {
    room = connected;
    reconnects = 0;
    root.dataset.roomSid = connected.sid || '';
    setState('connected', 'Connected');
    var local = connected.localParticipant;
    connected.participants.forEach(function (participant) {
      addParticipant(participant, false);
    });
    on(connected, connected, 'participantConnected', function (participant) {
      addParticipant(participant, true);
    });
    on(connected, connected, 'participantDisconnected', function (participant) {
      removeParticipant(participant, true);
    });
    on(connected, connected, 'reconnecting', function () {
      setState('reconnecting', 'Reconnecting');
    });
    on(connected, connected, 'reconnected', function () {
      setState('connected', 'Connected');
    });
    on(connected, connected, 'dominantSpeakerChanged', showSpeaker);
    on(connected, connected, 'recordingStarted', function () { showRecording(true); });
    on(connected, connected, 'recordingStopped', function () { showRecording(false); });
    on(connected, local, 'networkQualityLevelChanged', showQuality);
    connected.on('disconnected', function (which, error) {
      disconnected(which, error);
    });
    showRecording(connected.isRecording === true);
    showQuality(local.networkQualityLevel);
    if (lowQuality) {
      local.setParameters({maxVideoBitrate: LOW_BITRATE});
    }
    syncPublications();
  }

  function disconnected(which, error) {
    if (which !== room) {
      return;
    }
    removeAllParticipants();
    showQuality(null);
    if (finished || !error) {
      return; // this page disconnected on purpose
    }
    var code = error.code;
    if (code === ROOM_COMPLETED) {
      finish('ended', 'Ended');
    } else if (code === DUPLICATE_IDENTITY) {
      finish('elsewhere', 'Elsewhere');
    } else if (code === TOKEN_EXPIRED) {
      renewTokenAndConnect().catch(warn('reconnecting failed'));
    } else {
      scheduleReconnect();
    }
  }

  // ---- Remote participants -------------------------------------------------------------------

  function makeFigure(className, caption) {
    var figure = document.createElement('figure');
    figure.className = className;
    var media = document.createElement('div');
    media.className = 'media';
    var figcaption = document.createElement('figcaption');
    figcaption.textContent = caption;
    figure.appendChild(media);
    figure.appendChild(figcaption);
    return figure;
  }

  function addParticipant(participant, announceIt) {
    if (remotes.has(participant.sid)) {
      return;
    }
    var name = personName(participant.identity);
    var staff = isStaff(participant.identity);
    var tile = makeFigure('tile remote no-video', name + (staff ? ' (' + text('Agent') + ')' : ''));
    tile.querySelector('.media').appendChild(placeholder(name));
    tile.id = 'tile-' + participant.sid;
    tile.dataset.identity = participant.identity;
    tile.dataset.role = staff ? 'HOST' : 'CUSTOMER';
    tile.dataset.quality = 'unknown';
    tile.classList.toggle('audio-only', audioOnly);
    var video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    video.muted = true;
    tile.querySelector('.media').appendChild(video);
    el.tiles.appendChild(tile);
    var remote = {participant: participant, name: name, tile: tile, video: video, cameraTrack: null, screens: new Map()};
    remotes.set(participant.sid, remote);

    var current = room;
    on(current, participant, 'trackSubscribed', function (track) {
      showTrack(remote, track);
    });
    on(current, participant, 'trackUnsubscribed', function (track) {
      hideTrack(remote, track);
    });
    on(current, participant, 'networkQualityLevelChanged', function (level) {
      tile.dataset.quality = qualityOf(level);
    });
    participant.tracks.forEach(function (publication) {
      if (publication.isSubscribed && publication.track) {
        showTrack(remote, publication.track);
      }
    });
    if (participant.networkQualityLevel !== undefined) {
      tile.dataset.quality = qualityOf(participant.networkQualityLevel);
    }
    if (announceIt) {
      announce(text('Joined').replace('{0}', name));
    }
  }

  function showTrack(remote, track) {
    if (remotes.get(remote.participant.sid) !== remote) {
      return;
    }
    if (track.kind === 'audio') {
      var audio = track.attach();
      audio.dataset.trackName = track.name || '';
      remote.tile.appendChild(audio);
      playSound(audio);
    } else if (track.kind === 'video' && isScreen(track)) {
      var key = track.sid || track.name;
      if (remote.screens.has(key)) {
        return;
      }
      var tile = makeFigure('tile remote screen', text('ScreenLabel').replace('{0}', remote.name));
      tile.dataset.identity = remote.participant.identity;
      var video = track.attach();
      video.muted = true;
      tile.querySelector('.media').appendChild(video);
      el.tiles.insertBefore(tile, el.tiles.firstChild);
      remote.screens.set(key, tile);
      announce(text('Screen').replace('{0}', remote.name));
    } else if (track.kind === 'video') {
      remote.cameraTrack = track;
      track.attach(remote.video);
      remote.tile.classList.remove('no-video');
      if (audioOnly) {
        switchVideo(track, false);
      }
    }
  }

  function hideTrack(remote, track) {
    if (track.kind === 'audio') {
      track.detach().forEach(function (element) { element.remove(); });
    } else if (track.kind === 'video' && isScreen(track)) {
      var key = track.sid || track.name;
      track.detach();
      var tile = remote.screens.get(key);
      if (tile) {
        tile.remove();
        remote.screens.delete(key);
      }
    } else if (track.kind === 'video') {
      track.detach(remote.video);
      remote.video.srcObject = null;
      if (remote.cameraTrack === track) {
        remote.cameraTrack = null;
      }
      remote.tile.classList.add('no-video');
    }
  }

  function removeParticipant(participant, announceIt) {
    var remote = remotes.get(participant.sid);
    if (!remote) {
      return;
    }
    remotes.delete(participant.sid);
    participant.tracks.forEach(function (publication) {
      if (publication.track) {
        publication.track.detach();
      }
    });
    remote.tile.remove();
    remote.screens.forEach(function (tile) { tile.remove(); });
    if (announceIt) {
      announce(text('Left').replace('{0}', remote.name));
    }
  }

  function removeAllParticipants() {
    Array.from(remotes.values()).forEach(function (remote) {
      removeParticipant(remote.participant, false);
    });
  }

  /** Switches a remote camera off or on at the media server, where the room allows it. */
  function switchVideo(track, on) {
    var method = on ? track.switchOn : track.switchOff;
    if (typeof method !== 'function') {
      return;
    }
    try {
      method.call(track);
    } catch (e) {
      // Peer-to-peer rooms and automatic switch-off refuse; the tile is hidden all the same.
    }
  }

  /** A tile's stand-in for a picture: the person's initial, and that only their voice comes. */
  function placeholder(name) {
    var box = document.createElement('div');
    box.className = 'placeholder';
    var initial = document.createElement('span');
    initial.className = 'initial';
    initial.setAttribute('aria-hidden', 'true');
    initial.textContent = (String(name || '').trim().charAt(0) || '?').toUpperCase();
    var why = document.createElement('span');
    why.className = 'why';
    why.textContent = text('TileAudioOnly');
    box.appendChild(initial);
    box.appendChild(why);
    return box;
  }

  /**
   * Plays a voice. Only the browser's autoplay refusal (NotAllowedError) asks for "Turn on sound"; a
   * play() cut short by a newer one is no reason, and a voice that plays takes the button away.
   */
  function playSound(audio) {
    audio.addEventListener('playing', showSoundButton);
    var playing = audio.play();
    if (playing && playing.catch) {
      playing.catch(function (e) {
        if (e && e.name === 'NotAllowedError') {
          audio.dataset.blocked = 'true';
          showSoundButton();
        }
      });
    }
  }

  function showSoundButton() {
    var blocked = Array.from(el.tiles.querySelectorAll('audio')).some(function (audio) {
      if (!audio.paused) {
        delete audio.dataset.blocked;
      }
      return audio.dataset.blocked === 'true';
    });
    el.sound.hidden = !blocked || finished;
  }

  function showSpeaker(participant) {
    remotes.forEach(function (remote) {
      remote.tile.classList.toggle('speaking', !!participant && remote.participant.sid === participant.sid);
    });
  }

  // ---- Quality and recording -----------------------------------------------------------------

  /** Twilio's network quality: 5 excellent … 0 broken; null while unknown. */
  function qualityOf(level) {
    if (typeof level !== 'number') {
      return 'unknown';
    }
    return level >= 4 ? 'good' : level === 3 ? 'fair' : 'poor';
  }

  function showQuality(level) {
    var quality = qualityOf(level);
    root.dataset.quality = quality;
    root.dataset.qualityLevel = typeof level === 'number' ? String(level) : '';
    el.quality.dataset.level = quality;
    var message = text('Quality' + quality.charAt(0).toUpperCase() + quality.slice(1));
    if (el.quality.textContent !== message) {
      el.quality.textContent = message;
    }
  }

  function showRecording(active) {
    el.recording.hidden = !active;
    root.dataset.recording = active ? 'on' : 'off';
  }

  // ---- Ending --------------------------------------------------------------------------------

  function finish(state, messageKey) {
    if (finished) {
      return;
    }
    finished = true;
    clearTimeout(reconnectTimer);
    if (room) {
      room.disconnect();
    }
    removeAllParticipants();
    [micTrack, cameraTrack, screenTrack].forEach(function (track) {
      if (track) {
        track.detach().forEach(function (element) {
          if (element !== el.localVideo) {
            element.remove();
          }
        });
        track.stop();
      }
    });
    el.localVideo.srcObject = null;
    if (screenTile) {
      screenTile.remove();
    }
    showRecording(false);
    showQuality(null);
    setState(state, messageKey);
    [el.mic, el.camera, el.screen, el.audioOnly, el.lowQuality, el.leave, el.end, el.sensitive]
      .forEach(function (button) {
        if (button) {
          button.disabled = true;
        }
      });
    // In place of the tiles and controls, what happened; only who left or was replaced by another
    // window gets a way back in, never after the end for everyone.
    [el.tiles, el.controls, el.quality, el.sound, el.shareHint].forEach(function (part) {
      part.hidden = true;
    });
    var key = {ended: 'EndEnded', left: 'EndLeft', elsewhere: 'EndElsewhere'}[state];
    if (key) {
      el.afterHeading.textContent = text(key + 'Title');
      el.afterText.textContent = text(key + 'Text');
      if (el.rejoin) {
        el.rejoin.hidden = state === 'ended';
        el.rejoin.textContent = text(state === 'elsewhere' ? 'EndUseThisWindow' : 'Rejoin');
      }
      el.afterCall.hidden = false;
      el.afterHeading.focus();
    }
  }

  /** POSTs to the application with the CSRF header; answers the HTTP status, 0 without an answer. */
  async function post(path) {
    var headers = {};
    if (cfg.csrfHeader) {
      headers[cfg.csrfHeader] = cfg.csrfToken;
    }
    try {
      var response = await fetch(path, {method: 'POST', headers: headers, credentials: 'same-origin'});
      return response.status;
    } catch (e) {
      return 0;
    }
  }

  // ---- Controls ------------------------------------------------------------------------------

  el.mic.addEventListener('click', function () {
    if (micTrack) {
      if (micTrack.isEnabled) {
        micTrack.disable();
      } else {
        micTrack.enable();
      }
      updateButtons();
    }
  });
  el.camera.addEventListener('click', function () {
    cameraWanted = !cameraWanted;
    updateButtons();
    syncCamera();
  });
  el.screen.addEventListener('click', function () {
    (screenTrack ? stopScreen() : startScreen()).catch(warn('screen sharing failed'));
  });
  el.audioOnly.addEventListener('click', function () {
    audioOnly = !audioOnly;
    remotes.forEach(function (remote) {
      remote.tile.classList.toggle('audio-only', audioOnly);
      if (remote.cameraTrack) {
        switchVideo(remote.cameraTrack, !audioOnly);
      }
    });
    updateButtons();
    syncCamera();
  });
  el.lowQuality.addEventListener('click', function () {
    lowQuality = !lowQuality;
    updateButtons();
    if (cameraTrack && !cameraTrack.isStopped) {
      cameraTrack.restart(lowQuality ? LOW_CAMERA : NORMAL_CAMERA).catch(warn('could not change the camera'));
    }
    if (room && room.state !== 'disconnected') {
      room.localParticipant.setParameters({maxVideoBitrate: lowQuality ? LOW_BITRATE : null});
    }
  });
  el.sound.addEventListener('click', function () {
    el.tiles.querySelectorAll('audio').forEach(function (audio) {
      audio.play().catch(function () { /* still blocked: the button stays */ });
    });
  });
  // Phones and tablets cannot share their screen from a browser: no button that cannot work.
  if (!navigator.mediaDevices || !navigator.mediaDevices.getDisplayMedia) {
    el.screen.hidden = true;
  }
  if (el.leave) {
    el.leave.addEventListener('click', async function () {
      el.leave.disabled = true;
      // Tell the application first: the disconnect that follows is a goodbye, not a dropped call.
      if (cfg.leavePath) {
        root.dataset.leave = String(await post(cfg.leavePath));
      }
      finish('left', 'LeftSelf');
    });
  }
  if (el.sensitive) {
    el.sensitive.addEventListener('click', async function () {
      el.sensitive.disabled = true;
      var status = await post(cfg.sensitivePath);
      root.dataset.sensitiveData = String(status);
      announce(status >= 200 && status < 300 ? text('RecordingOff') : text('ActionFailed'));
      el.sensitive.disabled = finished;
    });
  }
  if (el.end) {
    el.end.addEventListener('click', async function () {
      el.end.disabled = true;
      var status = await post(cfg.endCallPath);
      root.dataset.endCall = String(status);
      if (status >= 200 && status < 300) {
        finish('ended', 'Ended');
      } else {
        announce(text('ActionFailed'));
        el.end.disabled = finished;
      }
    });
  }
  // Leaving the page leaves the room at once, instead of after Twilio's timeout.
  window.addEventListener('pagehide', function () {
    if (room && !finished) {
      room.disconnect();
    }
  });
  // Back from the browser's page cache the room is gone: start again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      location.reload();
    }
  });

  // ---- Start ---------------------------------------------------------------------------------

  async function start() {
    if (!Video || typeof Video.connect !== 'function') {
      finish('failed', 'Failed'); // the script did not load
      return;
    }
    if (Video.isSupported === false) {
      finish('unsupported', 'Unsupported');
      return;
    }
    await startMicrophone();
    if (cameraWanted && !audioOnly) {
      await startCamera();
    }
    showLocalPicture();
    updateButtons();
    showQuality(null);
    showRecording(false);
    if (mode === 'screen') {
      await startScreen(); // browsers may want a click first: then the hint points to the button
    }
    await connect(false);
  }

  start().catch(function (error) {
    console.warn('the call could not start', error);
    finish('failed', 'Failed');
  });
}());
