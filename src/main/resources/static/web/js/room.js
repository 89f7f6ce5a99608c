/*
 * The built-in video room: WebRTC between up to six browsers (a mesh: every browser connects to
 * every other), signaled over the application's WebSocket with plain JSON messages.
 *
 * - A newcomer offers to everyone already in the room; the others answer. Each connection has one
 *   audio and one video transceiver from the start, so switching camera, screen or nothing only
 *   replaces a track and never renegotiates.
 * - Screen sharing replaces the camera track; everyone sees a canvas over the shared screen on which
 *   arrows, circles and highlights are drawn and broadcast (coordinates relative to the picture).
 * - Audio only: no video is sent, and the others are asked not to send video to this browser. Who
 *   joined with audio only gets the camera on leaving that mode. Every browser tells its modes to
 *   each newcomer.
 *   Lower quality: the others send at most 150 kbit/s at half the resolution. A quality indicator
 *   reads round-trip time and packet loss from getStats().
 * - The host's browser records (MediaRecorder over a composite of all pictures and all voices) only
 *   when the server says so, which it does once consent is on record; it uploads when recording stops.
 * - A lost connection reconnects by itself; opening the join link again also rejoins.
 */
(function () {
  'use strict';

  var root = document.getElementById('room');
  if (!root) {
    return;
  }
  var cfg = root.dataset;
  var isHost = cfg.role === 'HOST';
  var mode = cfg.mode || 'video';

  var el = {
    status: document.getElementById('room-status'),
    quality: document.getElementById('quality'),
    recording: document.getElementById('recording-indicator'),
    tiles: document.getElementById('tiles'),
    selfTile: document.getElementById('tile-self'),
    localVideo: document.getElementById('local-video'),
    tools: document.getElementById('annotation-tools'),
    announcer: document.getElementById('announcer'),
    log: document.getElementById('annotation-log'),
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
    sensitive: document.getElementById('sensitive-data'),
    clear: document.getElementById('annotations-clear')
  };

  var ws = null;
  var selfId = null;
  var iceServers = [];
  var localStream = new MediaStream();
  var outStream = new MediaStream();
  var micTrack = null;
  var cameraTrack = null;
  var screenTrack = null;
  var screenStream = null;
  var sharing = false;
  var cameraOn = mode === 'video';
  var cameraMissing = false;
  var audioOnly = mode === 'audio';
  var lowQuality = false;
  var ended = false;
  var leftSelf = false;
  var openedElsewhere = false;
  var reconnectDelay = 1000;
  var pingTimer = null;
  var peers = new Map();
  var annotations = new Map();
  var cursor = {x: 0.5, y: 0.5};

  function text(key) {
    return cfg['msg' + key] || '';
  }

  function announce(message) {
    el.announcer.textContent = message;
  }

  function setStatus(message) {
    el.status.textContent = message;
  }

  function send(message) {
    if (ws && ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify(message));
    }
  }

  // ---- Local media ---------------------------------------------------------------------------

  async function startLocalMedia() {
    var wantVideo = mode === 'video';
    try {
      localStream = await navigator.mediaDevices.getUserMedia({
        audio: true, video: wantVideo ? {width: {ideal: 640}, height: {ideal: 480}} : false
      });
    } catch (e) {
      try {
        localStream = await navigator.mediaDevices.getUserMedia({audio: true, video: false});
      } catch (e2) {
        localStream = new MediaStream();
      }
      announce(text('NoCamera'));
    }
    micTrack = localStream.getAudioTracks()[0] || null;
    cameraTrack = localStream.getVideoTracks()[0] || null;
    cameraMissing = wantVideo && cameraTrack === null;
    cameraOn = cameraOn && cameraTrack !== null;
    showLocalPicture();
    updateButtons();
  }

  /** Asks for the camera when the room was joined without it (audio only, screen only); true when there is one. */
  async function ensureCamera() {
    if (cameraTrack || cameraMissing) {
      return cameraTrack !== null;
    }
    try {
      var stream = await navigator.mediaDevices.getUserMedia({video: {width: {ideal: 640}, height: {ideal: 480}}});
      cameraTrack = stream.getVideoTracks()[0] || null;
    } catch (e) {
      announce(text('NoCamera'));
    }
    if (cameraTrack) {
      localStream.addTrack(cameraTrack);
    }
    cameraMissing = cameraTrack === null;
    return !cameraMissing;
  }

  function currentVideoTrack() {
    if (sharing && screenTrack) {
      return screenTrack;
    }
    return cameraOn && !audioOnly ? cameraTrack : null;
  }

  function showLocalPicture() {
    var track = currentVideoTrack();
    el.localVideo.srcObject = track ? new MediaStream([track]) : null;
    el.selfTile.classList.toggle('screen', sharing);
    el.selfTile.classList.toggle('no-video', !track);
    el.selfTile.querySelector('.placeholder .why').textContent = text(audioOnly ? 'TileAudioOnly' : 'TileCameraOff');
    setAnnotatable(el.selfTile, sharing, selfId);
    updateTools();
  }

  function updateButtons() {
    press(el.mic, micTrack !== null && !micTrack.enabled);
    press(el.camera, !cameraOn);
    press(el.screen, sharing);
    el.screen.textContent = text(sharing ? 'StopSharing' : 'ShareScreen');
    press(el.audioOnly, audioOnly);
    press(el.lowQuality, lowQuality);
    el.camera.disabled = cameraMissing;
    el.mic.disabled = micTrack === null;
  }

  function press(button, pressed) {
    if (button) {
      button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    }
  }

  // ---- Signaling -----------------------------------------------------------------------------

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    setStatus(text('Connecting'));
    ws = new WebSocket(scheme + location.host + cfg.signal);
    ws.onopen = function () {
      reconnectDelay = 1000;
      clearInterval(pingTimer);
      pingTimer = setInterval(function () {
        send({type: 'ping'});
      }, 10000);
    };
    ws.onmessage = function (event) {
      handle(JSON.parse(event.data)).catch(function (e) {
        console.warn('room message failed', e);
      });
    };
    ws.onclose = function () {
      clearInterval(pingTimer);
      closeAllPeers();
      if (ended || leftSelf || openedElsewhere) {
        return;
      }
      setStatus(text('Reconnecting'));
      root.dataset.state = 'reconnecting';
      setTimeout(connect, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, 10000);
    };
  }

  async function handle(message) {
    switch (message.type) {
      case 'welcome':
        selfId = message.peerId;
        iceServers = message.iceServers || [];
        root.dataset.state = 'connected';
        root.dataset.peerId = selfId;
        setStatus(text('Connected'));
        showRecording(message.recordingActive);
        // Every peer is known before the first offer: each tells us its modes as soon as it sees us join.
        var others = message.peers.map(createPeer);
        for (var i = 0; i < others.length; i++) {
          await offer(others[i]);
        }
        if (sharing) {
          send({type: 'screen', active: true});
        }
        sendPrefs();
        if (isHost) {
          followRecordingRequest(message.recording);
        }
        break;
      case 'peer-joined':
        createPeer(message.peer);
        sendPrefs();
        announce(text('Joined').replace('{0}', message.peer.name || ''));
        break;
      case 'peer-left':
        removePeer(message.peerId);
        break;
      case 'signal':
        await onSignal(message.from, message.data);
        break;
      case 'screen':
        onScreen(message.from, message.active === true);
        break;
      case 'annotation':
        addAnnotation(message, message.from);
        break;
      case 'annotations-clear':
        clearAnnotations(message.target);
        break;
      case 'prefs':
        onPrefs(message.from, message);
        break;
      case 'recording':
        if (isHost) {
          followRecordingRequest(message.state);
        }
        break;
      case 'recording-status':
        showRecording(message.active === true);
        break;
      case 'ended':
        await onEnded();
        break;
      case 'full':
        ended = true;
        finish('full');
        break;
      case 'elsewhere':
        // The same join link was opened in another tab or window, which took this one's place.
        openedElsewhere = true;
        finish('elsewhere');
        break;
      default:
        break;
    }
  }

  // ---- Peer connections ----------------------------------------------------------------------

  function createPeer(info) {
    var existing = peers.get(info.peerId);
    if (existing) {
      return existing;
    }
    var pc = new RTCPeerConnection({iceServers: iceServers});
    var peer = {
      id: info.peerId, name: info.name || '', role: info.role, pc: pc, screen: info.screen === true,
      prefs: {}, candidates: [], stream: new MediaStream(), stats: null
    };
    peers.set(peer.id, peer);
    makeTile(peer);
    pc.ontrack = function (event) {
      peer.stream.addTrack(event.track);
      // Assigned once: assigning again restarts the element and cuts off the play() before it.
      if (peer.video.srcObject !== peer.stream) {
        peer.video.srcObject = peer.stream;
        peer.audio.srcObject = peer.stream;
      }
      playSound(peer.audio);
      if (recorder && event.track.kind === 'audio') {
        mixIntoRecording(peer.stream);
      }
    };
    pc.onicecandidate = function (event) {
      if (event.candidate) {
        send({type: 'signal', to: peer.id, data: {candidate: event.candidate}});
      }
    };
    pc.onconnectionstatechange = function () {
      peer.tile.dataset.connection = pc.connectionState;
      if (pc.connectionState === 'connected') {
        applySenderParameters(peer);
      }
    };
    return peer;
  }

  async function offer(peer) {
    peer.pc.addTransceiver(micTrack || 'audio', {direction: 'sendrecv', streams: [outStream]});
    peer.pc.addTransceiver(currentVideoTrack() || 'video', {direction: 'sendrecv', streams: [outStream]});
    var description = await peer.pc.createOffer();
    await peer.pc.setLocalDescription(description);
    send({type: 'signal', to: peer.id, data: {sdp: peer.pc.localDescription}});
  }

  async function onSignal(from, data) {
    var peer = peers.get(from) || createPeer({peerId: from});
    var pc = peer.pc;
    if (data.sdp) {
      await pc.setRemoteDescription(data.sdp);
      if (data.sdp.type === 'offer') {
        var transceivers = pc.getTransceivers();
        for (var i = 0; i < transceivers.length; i++) {
          var t = transceivers[i];
          t.direction = 'sendrecv';
          await t.sender.replaceTrack(t.receiver.track.kind === 'audio' ? micTrack : currentVideoTrack());
          if (t.sender.setStreams) {
            t.sender.setStreams(outStream);
          }
        }
        var answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        send({type: 'signal', to: from, data: {sdp: pc.localDescription}});
      }
      var pending = peer.candidates;
      peer.candidates = [];
      for (var j = 0; j < pending.length; j++) {
        await pc.addIceCandidate(pending[j]);
      }
    } else if (data.candidate) {
      if (pc.remoteDescription) {
        await pc.addIceCandidate(data.candidate);
      } else {
        peer.candidates.push(data.candidate);
      }
    }
  }

  function removePeer(peerId) {
    var peer = peers.get(peerId);
    if (!peer) {
      return;
    }
    peer.pc.close();
    peer.tile.remove();
    peers.delete(peerId);
    annotations.delete(peerId);
    announce(text('Left').replace('{0}', peer.name));
    updateTools();
  }

  function closeAllPeers() {
    Array.from(peers.keys()).forEach(removePeer);
  }

  function videoSender(peer) {
    var senders = peer.pc.getTransceivers()
      .filter(function (t) { return t.receiver.track.kind === 'video'; })
      .map(function (t) { return t.sender; });
    return senders[0] || null;
  }

  async function updateVideoSenders() {
    var track = currentVideoTrack();
    for (var peer of peers.values()) {
      var sender = videoSender(peer);
      if (sender) {
        await sender.replaceTrack(track);
        await applySenderParameters(peer);
      }
    }
    showLocalPicture();
    sendPrefs();
  }

  /** Sends less, or no, video to a peer that asked for it, and less to everyone in lower-quality mode. */
  async function applySenderParameters(peer) {
    var sender = videoSender(peer);
    if (!sender) {
      return;
    }
    var parameters = sender.getParameters();
    if (!parameters.encodings || parameters.encodings.length === 0) {
      return;
    }
    var encoding = parameters.encodings[0];
    encoding.active = !peer.prefs.audioOnly;
    if (peer.prefs.lowQuality || lowQuality) {
      encoding.maxBitrate = 150000;
      encoding.scaleResolutionDownBy = sharing ? 1 : 2;
    } else {
      delete encoding.maxBitrate;
      encoding.scaleResolutionDownBy = 1;
    }
    try {
      await sender.setParameters(parameters);
    } catch (e) {
      console.warn('could not change sending quality', e);
    }
  }

  /** Tells the others this browser's modes, and whether it sends a picture (their tile says so when not). */
  function sendPrefs() {
    send({type: 'prefs', audioOnly: audioOnly, lowQuality: lowQuality, video: currentVideoTrack() !== null});
  }

  function onPrefs(from, prefs) {
    var peer = peers.get(from);
    if (peer) {
      peer.prefs = {audioOnly: prefs.audioOnly === true, lowQuality: prefs.lowQuality === true,
        video: prefs.video !== false};
      showAudioOnly(peer);
      applySenderParameters(peer);
    }
  }

  // ---- Tiles and sound -----------------------------------------------------------------------

  function makeTile(peer) {
    var figure = document.createElement('figure');
    figure.className = 'tile remote';
    figure.id = 'tile-' + peer.id;
    figure.dataset.peerId = peer.id;
    figure.dataset.role = peer.role || '';
    var media = document.createElement('div');
    media.className = 'media';
    var video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    video.muted = true;
    var canvas = document.createElement('canvas');
    canvas.className = 'annotations';
    canvas.setAttribute('aria-hidden', 'true');
    media.appendChild(video);
    media.appendChild(placeholder(peer.name));
    media.appendChild(canvas);
    var caption = document.createElement('figcaption');
    caption.textContent = peer.name + (peer.role === 'HOST' ? ' (' + text('Agent') + ')' : '');
    var audio = document.createElement('audio');
    audio.autoplay = true;
    figure.appendChild(media);
    figure.appendChild(caption);
    figure.appendChild(audio);
    el.tiles.appendChild(figure);
    peer.tile = figure;
    peer.video = video;
    peer.audio = audio;
    peer.canvas = canvas;
    wireCanvas(canvas, function () { return peer.id; });
    showAudioOnly(peer);
    setAnnotatable(figure, peer.screen, peer.id);
  }

  /** What a tile shows instead of a picture: the person's initial and why there is no picture. */
  function placeholder(name) {
    var box = document.createElement('div');
    box.className = 'placeholder';
    var initial = document.createElement('span');
    initial.className = 'initial';
    initial.setAttribute('aria-hidden', 'true');
    initial.textContent = (String(name || '').trim().charAt(0) || '?').toUpperCase();
    var why = document.createElement('span');
    why.className = 'why';
    box.appendChild(initial);
    box.appendChild(why);
    return box;
  }

  /**
   * A tile shows no picture while this browser is in audio-only mode, or that peer is and does not share
   * its screen (rather than the last frame its camera sent), or sends none (camera off or missing); it
   * says which instead.
   */
  function showAudioOnly(peer) {
    var peerAudioOnly = peer.prefs.audioOnly === true && !peer.screen;
    peer.tile.classList.toggle('audio-only', audioOnly || peerAudioOnly);
    peer.tile.classList.toggle('no-video', !peer.screen && peer.prefs.video === false);
    peer.tile.querySelector('.placeholder .why').textContent =
      text(audioOnly || peer.prefs.audioOnly === true ? 'TileAudioOnly' : 'TileCameraOff');
  }

  /**
   * Plays a voice. Only the browser's autoplay refusal (NotAllowedError) asks for "Turn on sound"; a
   * play() cut short by a newer one is no reason, and a voice that plays takes the button away.
   */
  function playSound(audio) {
    if (!audio.dataset.watched) {
      audio.dataset.watched = 'true';
      audio.addEventListener('playing', showSoundButton);
      audio.addEventListener('pause', showSoundButton);
    }
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
    el.sound.hidden = !blocked || ended || leftSelf || openedElsewhere;
  }

  // ---- Screen sharing and annotations --------------------------------------------------------

  async function toggleScreen() {
    if (sharing) {
      stopScreen();
      return;
    }
    try {
      screenStream = await navigator.mediaDevices.getDisplayMedia({video: true, audio: false});
    } catch (e) {
      return;
    }
    screenTrack = screenStream.getVideoTracks()[0];
    screenTrack.onended = stopScreen;
    sharing = true;
    annotations.set(selfId, []);
    await updateVideoSenders();
    send({type: 'screen', active: true});
    updateButtons();
  }

  async function stopScreen() {
    if (!sharing) {
      return;
    }
    sharing = false;
    if (screenTrack) {
      screenTrack.onended = null;
      screenTrack.stop();
    }
    screenTrack = null;
    screenStream = null;
    await updateVideoSenders();
    send({type: 'screen', active: false});
    clearAnnotations(selfId);
    updateButtons();
  }

  function onScreen(from, active) {
    var peer = peers.get(from);
    if (!peer) {
      return;
    }
    peer.screen = active;
    peer.tile.classList.toggle('screen', active);
    showAudioOnly(peer);
    setAnnotatable(peer.tile, active, peer.id);
    if (active) {
      announce(text('Screen').replace('{0}', peer.name));
    } else {
      clearAnnotations(peer.id);
    }
    updateTools();
  }

  function setAnnotatable(tile, on, targetId) {
    var canvas = tile.querySelector('canvas.annotations');
    tile.classList.toggle('annotatable', on);
    if (on) {
      canvas.tabIndex = 0;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-hidden', 'false');
      canvas.setAttribute('aria-label', text('ScreenLabel').replace('{0}',
        targetId === selfId ? text('You') : (peers.get(targetId) || {}).name || ''));
      canvas.dataset.target = targetId || '';
    } else {
      canvas.removeAttribute('tabindex');
      canvas.setAttribute('aria-hidden', 'true');
    }
    redraw(targetId);
  }

  function updateTools() {
    var anyScreen = sharing || Array.from(peers.values()).some(function (p) { return p.screen; });
    el.tools.hidden = !anyScreen;
  }

  function currentShape() {
    var chosen = document.querySelector('input[name="shape"]:checked');
    return chosen ? chosen.value : 'arrow';
  }

  function canvasOf(targetId) {
    if (targetId === selfId) {
      return el.selfTile.querySelector('canvas.annotations');
    }
    var peer = peers.get(targetId);
    return peer ? peer.canvas : null;
  }

  function videoOf(targetId) {
    if (targetId === selfId) {
      return el.localVideo;
    }
    var peer = peers.get(targetId);
    return peer ? peer.video : null;
  }

  /** The rectangle the picture takes inside its element (object-fit: contain), in canvas pixels. */
  function pictureRect(canvas, video) {
    var w = canvas.width;
    var h = canvas.height;
    if (!video || !video.videoWidth || !video.videoHeight) {
      return {x: 0, y: 0, w: w, h: h};
    }
    var scale = Math.min(w / video.videoWidth, h / video.videoHeight);
    var pw = video.videoWidth * scale;
    var ph = video.videoHeight * scale;
    return {x: (w - pw) / 2, y: (h - ph) / 2, w: pw, h: ph};
  }

  function wireCanvas(canvas, target) {
    var start = null;
    function point(event) {
      var box = canvas.getBoundingClientRect();
      syncSize(canvas);
      var rect = pictureRect(canvas, videoOf(target()));
      var x = (event.clientX - box.left) * (canvas.width / box.width);
      var y = (event.clientY - box.top) * (canvas.height / box.height);
      return {x: clamp((x - rect.x) / rect.w), y: clamp((y - rect.y) / rect.h)};
    }
    canvas.addEventListener('pointerdown', function (event) {
      if (!canvas.closest('.tile').classList.contains('annotatable')) {
        return;
      }
      start = point(event);
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener('pointerup', function (event) {
      if (!start) {
        return;
      }
      var end = point(event);
      var from = start;
      start = null;
      if (Math.abs(end.x - from.x) < 0.01 && Math.abs(end.y - from.y) < 0.01) {
        from = {x: clamp(end.x - 0.1), y: clamp(end.y - 0.1)};
      }
      draw(target(), from, end);
    });
    canvas.addEventListener('keydown', function (event) {
      if (!canvas.closest('.tile').classList.contains('annotatable')) {
        return;
      }
      var step = 0.05;
      var moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
      if (moves[event.key]) {
        cursor = {x: clamp(cursor.x + moves[event.key][0]), y: clamp(cursor.y + moves[event.key][1])};
        redraw(target());
        event.preventDefault();
      } else if (event.key === 'Enter' || event.key === ' ') {
        draw(target(), {x: clamp(cursor.x - 0.1), y: clamp(cursor.y - 0.1)}, cursor);
        event.preventDefault();
      }
    });
    canvas.addEventListener('focus', function () { redraw(target()); });
    canvas.addEventListener('blur', function () { redraw(target()); });
  }

  function clamp(v) {
    return Math.max(0, Math.min(1, v));
  }

  function draw(targetId, from, to) {
    var annotation = {
      type: 'annotation', target: targetId, shape: currentShape(),
      x1: from.x, y1: from.y, x2: to.x, y2: to.y
    };
    send(annotation);
    addAnnotation(annotation, selfId);
  }

  function addAnnotation(annotation, by) {
    var target = annotation.target;
    if (!annotations.has(target)) {
      annotations.set(target, []);
    }
    annotations.get(target).push(annotation);
    redraw(target);
    var author = by === selfId ? text('You') : (peers.get(by) || {}).name || '';
    var entry = document.createElement('li');
    entry.textContent = text('Annotation').replace('{0}', annotation.shape).replace('{1}', author);
    el.log.appendChild(entry);
    var canvas = canvasOf(target);
    if (canvas) {
      canvas.dataset.annotations = String(annotations.get(target).length);
    }
  }

  function clearAnnotations(target) {
    annotations.set(target, []);
    var canvas = canvasOf(target);
    if (canvas) {
      canvas.dataset.annotations = '0';
    }
    redraw(target);
  }

  function syncSize(canvas) {
    var box = canvas.getBoundingClientRect();
    var w = Math.max(1, Math.round(box.width));
    var h = Math.max(1, Math.round(box.height));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
  }

  function redraw(targetId) {
    var canvas = canvasOf(targetId);
    if (!canvas) {
      return;
    }
    syncSize(canvas);
    var ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    var rect = pictureRect(canvas, videoOf(targetId));
    (annotations.get(targetId) || []).forEach(function (a) {
      paint(ctx, rect, a);
    });
    if (document.activeElement === canvas && canvas.closest('.tile').classList.contains('annotatable')) {
      ctx.strokeStyle = '#0b57d0';
      ctx.lineWidth = 2;
      var cx = rect.x + cursor.x * rect.w;
      var cy = rect.y + cursor.y * rect.h;
      ctx.beginPath();
      ctx.moveTo(cx - 8, cy);
      ctx.lineTo(cx + 8, cy);
      ctx.moveTo(cx, cy - 8);
      ctx.lineTo(cx, cy + 8);
      ctx.stroke();
    }
  }

  function paint(ctx, rect, a) {
    var x1 = rect.x + a.x1 * rect.w;
    var y1 = rect.y + a.y1 * rect.h;
    var x2 = rect.x + a.x2 * rect.w;
    var y2 = rect.y + a.y2 * rect.h;
    ctx.lineWidth = 4;
    if (a.shape === 'highlight') {
      ctx.fillStyle = 'rgba(255, 221, 0, 0.35)';
      ctx.fillRect(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
      return;
    }
    ctx.strokeStyle = '#e11d48';
    ctx.beginPath();
    if (a.shape === 'circle') {
      var r = Math.max(6, Math.hypot(x2 - x1, y2 - y1) / 2);
      ctx.arc((x1 + x2) / 2, (y1 + y2) / 2, r, 0, 2 * Math.PI);
      ctx.stroke();
      return;
    }
    var angle = Math.atan2(y2 - y1, x2 - x1);
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - 14 * Math.cos(angle - Math.PI / 6), y2 - 14 * Math.sin(angle - Math.PI / 6));
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - 14 * Math.cos(angle + Math.PI / 6), y2 - 14 * Math.sin(angle + Math.PI / 6));
    ctx.stroke();
  }

  // ---- Connection quality --------------------------------------------------------------------

  async function measureQuality() {
    var worst = null;
    var order = ['good', 'fair', 'poor'];
    for (var peer of peers.values()) {
      if (peer.pc.connectionState !== 'connected') {
        continue;
      }
      var report = await peer.pc.getStats();
      var rtt = null;
      var lost = 0;
      var received = 0;
      report.forEach(function (s) {
        if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded'
            && typeof s.currentRoundTripTime === 'number') {
          rtt = s.currentRoundTripTime;
        }
        if (s.type === 'inbound-rtp') {
          lost += s.packetsLost || 0;
          received += s.packetsReceived || 0;
        }
      });
      var previous = peer.stats || {lost: 0, received: 0};
      var dLost = Math.max(0, lost - previous.lost);
      var dReceived = Math.max(0, received - previous.received);
      peer.stats = {lost: lost, received: received};
      var loss = dLost + dReceived > 0 ? dLost / (dLost + dReceived) : 0;
      var level = (rtt === null || rtt < 0.3) && loss < 0.02 ? 'good'
        : (rtt === null || rtt < 0.6) && loss < 0.08 ? 'fair' : 'poor';
      peer.tile.dataset.quality = level;
      if (worst === null || order.indexOf(level) > order.indexOf(worst)) {
        worst = level;
      }
    }
    var key = worst === null ? 'QualityUnknown' : 'Quality' + worst.charAt(0).toUpperCase() + worst.slice(1);
    if (el.quality.textContent !== text(key)) {
      el.quality.textContent = text(key);
    }
    el.quality.dataset.level = worst || 'unknown';
  }

  // ---- Recording (host) ----------------------------------------------------------------------

  var recorder = null;
  var chunks = [];
  var composite = null;
  var compositeTimer = null;
  var audioContext = null;
  var audioMix = null;
  var upload = Promise.resolve();

  function followRecordingRequest(state) {
    if (state === 'start') {
      startRecording();
    } else {
      stopRecording();
    }
  }

  function startRecording() {
    if (recorder || typeof MediaRecorder === 'undefined') {
      return;
    }
    composite = document.createElement('canvas');
    composite.width = 640;
    composite.height = 480;
    compositeTimer = setInterval(drawComposite, 100);
    audioContext = new AudioContext();
    audioContext.resume();
    audioMix = audioContext.createMediaStreamDestination();
    if (micTrack) {
      mixIntoRecording(new MediaStream([micTrack]));
    }
    peers.forEach(function (peer) {
      mixIntoRecording(peer.stream);
    });
    var stream = new MediaStream(composite.captureStream(10).getVideoTracks()
      .concat(audioMix.stream.getAudioTracks()));
    var type = ['video/webm;codecs=vp8,opus', 'video/webm'].find(function (t) {
      return MediaRecorder.isTypeSupported(t);
    });
    recorder = new MediaRecorder(stream, type ? {mimeType: type} : undefined);
    chunks = [];
    recorder.ondataavailable = function (event) {
      if (event.data && event.data.size > 0) {
        chunks.push(event.data);
      }
    };
    var finished = recorder;
    upload = new Promise(function (resolve) {
      finished.onstop = function () {
        uploadRecording().then(resolve, resolve);
      };
    });
    recorder.start(1000);
    send({type: 'recording-started'});
    showRecording(true);
  }

  function mixIntoRecording(stream) {
    if (!audioContext || stream.getAudioTracks().length === 0) {
      return;
    }
    try {
      audioContext.createMediaStreamSource(stream).connect(audioMix);
    } catch (e) {
      console.warn('could not add a voice to the recording', e);
    }
  }

  function drawComposite() {
    var ctx = composite.getContext('2d');
    var videos = [el.localVideo].concat(Array.from(peers.values()).map(function (p) { return p.video; }))
      .filter(function (v) { return v.readyState >= 2 && v.videoWidth > 0; });
    ctx.fillStyle = '#111827';
    ctx.fillRect(0, 0, composite.width, composite.height);
    var cols = Math.max(1, Math.ceil(Math.sqrt(videos.length)));
    var rows = Math.max(1, Math.ceil(videos.length / cols));
    var w = composite.width / cols;
    var h = composite.height / rows;
    videos.forEach(function (video, i) {
      var scale = Math.min(w / video.videoWidth, h / video.videoHeight);
      var vw = video.videoWidth * scale;
      var vh = video.videoHeight * scale;
      ctx.drawImage(video, (i % cols) * w + (w - vw) / 2, Math.floor(i / cols) * h + (h - vh) / 2, vw, vh);
    });
  }

  /** Stops the recorder; resolves once what it recorded has been uploaded. */
  function stopRecording() {
    if (!recorder) {
      return upload;
    }
    var stopping = upload;
    if (recorder.state !== 'inactive') {
      recorder.stop();
    }
    recorder = null;
    clearInterval(compositeTimer);
    if (audioContext) {
      audioContext.close();
      audioContext = null;
    }
    send({type: 'recording-stopped'});
    showRecording(false);
    return stopping;
  }

  async function uploadRecording() {
    var blob = new Blob(chunks, {type: 'video/webm'});
    chunks = [];
    if (blob.size === 0 || !cfg.upload) {
      return;
    }
    var form = new FormData();
    form.append('file', blob, 'recording.webm');
    var headers = {};
    if (cfg.csrfHeader) {
      headers[cfg.csrfHeader] = cfg.csrfToken;
    }
    var response = await fetch(cfg.upload, {method: 'POST', body: form, headers: headers, credentials: 'same-origin'});
    root.dataset.lastUpload = String(response.status);
    announce(response.ok ? text('RecordingUploaded') : text('RecordingFailed'));
  }

  function showRecording(active) {
    el.recording.hidden = !active;
    root.dataset.recording = active ? 'on' : 'off';
  }

  // ---- Ending --------------------------------------------------------------------------------

  async function onEnded() {
    ended = true;
    if (isHost) {
      await stopRecording();
    }
    finish('ended');
  }

  var FINISHED_STATUS = {ended: 'Ended', left: 'LeftSelf', elsewhere: 'Elsewhere', full: 'Full'};

  /**
   * This browser is out of the call ({@code how}: ended for everyone, left, opened elsewhere, full):
   * media off, and in place of the tiles and controls a page that says what happened. Only who left
   * or was replaced by another window gets a way back in; after the end for everyone there is none.
   */
  function finish(how) {
    closeAllPeers();
    localStream.getTracks().forEach(function (t) { t.stop(); });
    if (screenTrack) {
      screenTrack.stop();
    }
    el.localVideo.srcObject = null;
    setStatus(text(FINISHED_STATUS[how]));
    root.dataset.state = how;
    [el.tiles, el.tools, el.controls, el.quality, el.sound].forEach(function (part) {
      part.hidden = true;
    });
    if (how !== 'full') {
      var key = {ended: 'EndEnded', left: 'EndLeft', elsewhere: 'EndElsewhere'}[how];
      el.afterHeading.textContent = text(key + 'Title');
      el.afterText.textContent = text(key + 'Text');
      if (el.rejoin) {
        el.rejoin.hidden = how === 'ended';
        el.rejoin.textContent = text(how === 'elsewhere' ? 'EndUseThisWindow' : 'Rejoin');
      }
      el.afterCall.hidden = false;
      el.afterHeading.focus();
    }
    if (ws) {
      ws.close();
    }
  }

  // ---- Controls ------------------------------------------------------------------------------

  el.mic.addEventListener('click', function () {
    if (micTrack) {
      micTrack.enabled = !micTrack.enabled;
      updateButtons();
    }
  });
  el.camera.addEventListener('click', async function () {
    cameraOn = !cameraOn && await ensureCamera();
    await updateVideoSenders();
    updateButtons();
  });
  el.screen.addEventListener('click', toggleScreen);
  el.audioOnly.addEventListener('click', async function () {
    audioOnly = !audioOnly;
    if (!audioOnly && mode === 'audio' && !cameraTrack) {
      // Joined with audio only: leaving that mode means taking part with the camera.
      cameraOn = await ensureCamera();
    }
    peers.forEach(showAudioOnly);
    await updateVideoSenders();
    sendPrefs();
    updateButtons();
  });
  el.lowQuality.addEventListener('click', function () {
    lowQuality = !lowQuality;
    peers.forEach(applySenderParameters);
    sendPrefs();
    updateButtons();
  });
  el.sound.addEventListener('click', function () {
    peers.forEach(function (p) {
      p.audio.play().catch(function () { /* still blocked: the button stays */ });
    });
  });
  el.clear.addEventListener('click', function () {
    var targets = sharing ? [selfId] : [];
    peers.forEach(function (p) {
      if (p.screen) {
        targets.push(p.id);
      }
    });
    targets.forEach(function (target) {
      clearAnnotations(target);
      send({type: 'annotations-clear', target: target});
    });
  });
  if (el.leave) {
    el.leave.addEventListener('click', function () {
      leftSelf = true;
      send({type: 'leave'});
      finish('left');
    });
  }
  if (el.sensitive) {
    el.sensitive.addEventListener('click', function () {
      stopRecording();
      send({type: 'sensitive'});
    });
  }
  if (el.end) {
    el.end.addEventListener('click', async function () {
      el.end.disabled = true;
      await stopRecording();
      ended = true;
      send({type: 'end'});
      finish('ended');
    });
  }
  // Phones and tablets cannot share their screen from a browser: no button that cannot work.
  if (!navigator.mediaDevices || !navigator.mediaDevices.getDisplayMedia) {
    el.screen.hidden = true;
  }
  window.addEventListener('resize', function () {
    annotations.forEach(function (list, target) { redraw(target); });
  });

  startLocalMedia().then(function () {
    connect();
    setInterval(function () {
      measureQuality().catch(function () { /* a connection closed while measuring */ });
    }, 2000);
  });
}());
