/*
 * The join page's device check: a camera preview, a microphone level meter and a test tone for
 * the speaker. Nothing leaves the browser. A device with a microphone and no camera is offered
 * audio only. The phone field shows only with the phone choice; the screen-share choice only where
 * the browser can share a screen (not on phones).
 */
(function () {
  'use strict';

  var section = document.getElementById('device-check');
  var preview = document.getElementById('camera-preview');
  var meter = document.getElementById('mic-level');
  var status = document.getElementById('check-status');
  var checkButton = document.getElementById('check-devices');
  var toneButton = document.getElementById('test-speaker');
  var stream = null;
  var audioContext = null;

  function say(key) {
    status.textContent = section.dataset[key] || '';
  }

  /**
   * Asks for camera and microphone; without a camera, for the microphone alone, so that a device
   * with only a microphone is told it can join with audio (not that it has neither).
   */
  async function check() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say('msgUnsupported');
      return;
    }
    var withCamera = true;
    try {
      stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
    } catch (e) {
      if (e && e.name === 'NotAllowedError') {
        say('msgDenied');
        return;
      }
      withCamera = false;
      try {
        stream = await navigator.mediaDevices.getUserMedia({audio: true, video: false});
      } catch (e2) {
        say(e2 && e2.name === 'NotAllowedError' ? 'msgDenied' : 'msgNodevice');
        return;
      }
    }
    section.dataset.checked = 'true';
    section.dataset.camera = withCamera ? 'true' : 'false';
    if (withCamera) {
      preview.srcObject = stream;
      say('msgOk');
    } else {
      preview.hidden = true;
      say('msgMicOnly');
      choose('AUDIO_ONLY');
    }
    audioContext = audioContext || new AudioContext();
    var analyser = audioContext.createAnalyser();
    analyser.fftSize = 512;
    audioContext.createMediaStreamSource(stream).connect(analyser);
    var samples = new Uint8Array(analyser.fftSize);
    (function level() {
      analyser.getByteTimeDomainData(samples);
      var peak = 0;
      for (var i = 0; i < samples.length; i++) {
        peak = Math.max(peak, Math.abs(samples[i] - 128) / 128);
      }
      meter.value = peak;
      if (stream) {
        requestAnimationFrame(level);
      }
    }());
  }

  function tone() {
    audioContext = audioContext || new AudioContext();
    var oscillator = audioContext.createOscillator();
    var gain = audioContext.createGain();
    oscillator.frequency.value = 440;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(audioContext.destination);
    oscillator.start();
    oscillator.stop(audioContext.currentTime + 1);
    say('msgTone');
  }

  if (section && checkButton) {
    checkButton.addEventListener('click', check);
    toneButton.addEventListener('click', tone);
  }

  // Release the camera before the browser moves on to the room.
  window.addEventListener('pagehide', function () {
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
  });

  /** Selects a join choice, as the customer would, unless it is not available now. */
  function choose(value) {
    var input = document.getElementById('choice-' + value);
    if (input && !input.disabled) {
      input.checked = true;
      input.dispatchEvent(new Event('change', {bubbles: true}));
    }
  }

  // Phones and tablets cannot share their screen from a browser: no such choice there.
  var screenChoice = document.getElementById('choice-SCREEN_SHARE_ONLY');
  if (screenChoice && !(navigator.mediaDevices && navigator.mediaDevices.getDisplayMedia)) {
    var wasChosen = screenChoice.checked;
    screenChoice.disabled = true;
    screenChoice.checked = false;
    screenChoice.closest('.choice').hidden = true;
    if (wasChosen) {
      choose('AUDIO_ONLY');
    }
  }

  var phoneField = document.getElementById('phone-field');
  var choices = document.querySelectorAll('input[name="choice"]');
  function showPhone() {
    var chosen = document.querySelector('input[name="choice"]:checked');
    if (phoneField) {
      phoneField.hidden = !chosen || chosen.value !== 'PHONE';
    }
  }
  choices.forEach(function (c) { c.addEventListener('change', showPhone); });
  showPhone();
}());
